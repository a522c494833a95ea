-- Version 7: a sample's "others each" and "others total" are judged only when it measured some element outside its
-- specification's list (a value or a detection limit); when it measured none they are NOT_REPORTED and the sample
-- INCOMPLETE. SQL that both H2 and PostgreSQL accept.
--
-- verdict_rules 3: these rules. A sample given its verdict under rules 2 (or 1) keeps it as given: history is not
-- rewritten. The store reads its "others" as NOT_REPORTED where it measured no other element (under rules 2 they were
-- stored as 0 % and PASS), and such a sample is not certified as compliant without a concession.

ALTER TABLE samples DROP CONSTRAINT samples_verdict_rules_known;
ALTER TABLE samples ADD CONSTRAINT samples_verdict_rules_known CHECK (verdict_rules IN (1, 2, 3));
