-- precis store, schema version 5: fields and answers extracted per document.

-- One field's (or question's) result per content hash and item key. The item key hashes what decides
-- that one value (engine, the item's definition, extraction settings), so a changed field set only
-- asks the items that have no row yet. A row is never updated.
CREATE TABLE field_values (
	sha256 TEXT NOT NULL,
	item_key TEXT NOT NULL,
	-- JSON object: value, evidence, pages, supported, conflicts, warnings
	result TEXT NOT NULL CHECK (json_valid(result)),
	created_at TEXT NOT NULL,
	PRIMARY KEY (sha256, item_key)
) WITHOUT ROWID;

-- The fields and answers of a document's latest attempt, in report order: what `precis export` writes.
CREATE TABLE document_fields (
	path TEXT PRIMARY KEY REFERENCES documents (path) ON DELETE CASCADE,
	-- the content they were extracted from; stale once the document's sha256 differs
	sha256 TEXT NOT NULL,
	-- JSON array, one object per field or question
	items TEXT NOT NULL CHECK (json_valid(items)),
	updated_at TEXT NOT NULL
);
