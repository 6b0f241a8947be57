-- precis store, schema version 2: strict lease ownership and failures that remember their settings.

-- A random token per claim: an owned write must present the token of the claim it holds, so a
-- process that stalled past its lease cannot write over the document's next holder (claimed_by
-- names the process, for liveness checks, but a pid is not proof of holding this claim).
ALTER TABLE documents ADD COLUMN claim_token TEXT;

-- For a failure: which settings decided it: 'bytes' for a failure of the bytes alone (a broken or
-- empty file), else a hash of the extraction limits (a failure while reading) or of those and the
-- summarization settings (a failure after). A permanent failure is skipped only while these
-- settings are unchanged; NULL for rows written before version 2.
ALTER TABLE documents ADD COLUMN failure_key TEXT;
