-- precis store, schema version 7: the extracted text of each content, so that a rerun that must
-- process a document again (changed fields, summary or checker settings) does not extract it again.

-- One extracted document per content hash: `text_key` hashes what decides the text (the extraction
-- limits, OCR settings included, and the precis version); a row under another key is not used, and
-- is replaced when the content is extracted under the new key.
CREATE TABLE extracted_texts (
	sha256 TEXT PRIMARY KEY,
	text_key TEXT NOT NULL,
	-- the document as ingest's packSourceDocument wrote it (deflated JSON of its pages, title, format, warnings)
	document BLOB NOT NULL,
	created_at TEXT NOT NULL
);

CREATE INDEX documents_sha256 ON documents (sha256);

-- A text is kept while some document row holds its content: once the last path holding that content
-- changes bytes (or loses them: an unreadable file), the text goes.
CREATE TRIGGER documents_drop_unreferenced_text AFTER UPDATE OF sha256 ON documents
WHEN OLD.sha256 IS NOT NULL AND OLD.sha256 IS NOT NEW.sha256
BEGIN
	DELETE FROM extracted_texts WHERE sha256 = OLD.sha256
		AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = OLD.sha256);
END;

CREATE TRIGGER documents_delete_drops_unreferenced_text AFTER DELETE ON documents
WHEN OLD.sha256 IS NOT NULL
BEGIN
	DELETE FROM extracted_texts WHERE sha256 = OLD.sha256
		AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = OLD.sha256);
END;
