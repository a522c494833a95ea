-- Version 8: an element outside a specification's list that a sample reports only as "<x" (below the detection limit
-- x) counts as at most x in "others each" and "others total", which then read "<" their bound (BELOW_LIMIT): PASS when
-- the bound is within the maximum, NOT_REPORTED when it is not (an upper bound above the maximum settles nothing).
-- Under rules 3 such an element counted as 0 %, and the others read 0.0000 % where nothing was measured. An unlisted
-- element "n.d." with no limit leaves the others NOT_REPORTED unless the measured values alone fail them. SQL that both
-- H2 and PostgreSQL accept.
--
-- verdict_rules 4: these rules. A sample given its verdict under rules 3 (or before) keeps it as given: history is not
-- rewritten. The store reads its "others" as today's rules do from what it reported, and says the verdict was given
-- under earlier rules where that reading differs from the stored one.

ALTER TABLE samples DROP CONSTRAINT samples_verdict_rules_known;
ALTER TABLE samples ADD CONSTRAINT samples_verdict_rules_known CHECK (verdict_rules IN (1, 2, 3, 4));
