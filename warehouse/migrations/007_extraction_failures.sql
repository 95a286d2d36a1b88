-- 007: an article whose extraction failed is quarantined whole, with the error.
-- quarantine gains error: for an article that could not be extracted (an extractor raised, or the
-- article ran past the per-article time limit), the error and where it was raised
-- ("KeyError: 'x' at transforms/counts/extract.py:929 (_read_scale)"); NULL for a row that failed
-- validation (its checks are in failed_expectations).
ALTER TABLE quarantine ADD COLUMN error VARCHAR;
