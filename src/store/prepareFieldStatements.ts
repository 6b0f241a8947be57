import type Database from 'better-sqlite3';

/** The statements of the fields tables (migration 0002), prepared once per connection. */
export function prepareFieldStatements(db: Database.Database) {
	return {
		getFieldValue: db.prepare('SELECT result FROM field_values WHERE sha256 = ? AND item_key = ?').pluck(),
		putFieldValue: db.prepare(`INSERT OR IGNORE INTO field_values (sha256, item_key, result, created_at)
			VALUES (@sha256, @key, @result, @now)`),
		putDocumentFields: db.prepare(`INSERT INTO document_fields (path, sha256, items, updated_at) VALUES (@path, @sha256, @items, @now)
			ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, items = excluded.items, updated_at = excluded.updated_at`),
		listDocumentFields: db.prepare('SELECT path, sha256, items FROM document_fields ORDER BY path'),
	};
}
