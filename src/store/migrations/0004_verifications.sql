-- precis store, schema version 3: the check of each document's summary against its source (src/verify).
-- One row per document path, for the summary it checked: a row whose `summary` is no longer the
-- document's, or whose `verify_key` (hash of the checker's settings) differs from the current one, is
-- stale; the next run checks the summary again from the re-extracted source, without model calls.
CREATE TABLE verifications (
	path TEXT PRIMARY KEY REFERENCES documents (path) ON DELETE CASCADE,
	-- hex sha256 of the source bytes checked against
	sha256 TEXT NOT NULL,
	-- the summary checked (documents.summary when the check was written)
	summary TEXT NOT NULL,
	verify_key TEXT NOT NULL,
	needs_review INTEGER NOT NULL CHECK (needs_review IN (0, 1)),
	-- JSON array of {text, pages, support[, lines]}
	citations TEXT NOT NULL CHECK (json_valid(citations)),
	-- JSON array of {text, kind, statement}
	unsupported_facts TEXT NOT NULL CHECK (json_valid(unsupported_facts)),
	-- when verify.repair asked the model to correct the summary: {kept: 'original' | 'repaired',
	-- original: {summary, unsupported_facts}, repaired: {summary, unsupported_facts}}
	repair TEXT CHECK (repair IS NULL OR json_valid(repair)),
	checked_at TEXT NOT NULL
);
CREATE INDEX verifications_needs_review ON verifications (needs_review);
