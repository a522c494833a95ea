-- Version 5 (issue 11): samples say only what was measured. SQL that both H2 and PostgreSQL accept.
--
-- below_detection: the elements a sample reported below the detection limit, as JSON
--   {"Na": 0.0005, "Ca": null} (the stated limit in wt%, or null for "n.d." with no limit). Measured
--   values stay in values_wt_pct; an element in neither was not reported.
-- verdict_rules: the rules the stored verdict and checks were given by. 1: before version 5, when an
--   element the sample did not report was counted as 0 % (such verdicts are kept as given: history is
--   not rewritten; the store reads their unreported elements as NOT_REPORTED). 2: version 5 on, where an
--   unreported element is NOT_REPORTED and the sample INCOMPLETE.
-- The checks JSON gains a "reading" per element (MEASURED, BELOW_LIMIT, NOT_DETECTED, ABSENT); the
-- verdicts a sample can carry are now PASS, MARGINAL, FAIL and INCOMPLETE, which the database checks.

ALTER TABLE samples ADD COLUMN below_detection VARCHAR(10000) DEFAULT '{}' NOT NULL;
ALTER TABLE samples ADD COLUMN verdict_rules INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE samples ADD CONSTRAINT samples_verdict_known CHECK (verdict IN ('PASS', 'MARGINAL', 'FAIL', 'INCOMPLETE'));
ALTER TABLE samples ADD CONSTRAINT samples_verdict_rules_known CHECK (verdict_rules IN (1, 2));
ALTER TABLE certificates ADD CONSTRAINT certificates_verdict_known CHECK (verdict IN ('PASS', 'MARGINAL', 'FAIL', 'INCOMPLETE'));
