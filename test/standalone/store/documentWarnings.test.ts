import {mkdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {migrate, readMigrations} from '../../../src/store/migrate.js';
import {openStore} from '../../../src/store/Store.js';
import type {DocumentResult} from '../../../src/store/types.js';
import {createTempDatabasePath} from './createTempDatabasePath.js';

const _warnings = ['page 12: Invalid XRef stream', 'page 2: OCR confidence 36 is low (under 60)', 'the model did not return valid JSON; its output is kept as the summary'];

function _result(runId: number, overrides: Partial<DocumentResult> = {}): DocumentResult {
	return {summary: 'S.', keyPoints: null, model: 'm', pipeline: 'p', summaryKey: 'k', promptTokens: 1, outputTokens: 1, llmCalls: 1, seconds: 1, runId, ...overrides};
}

test('a done document keeps the warnings of the attempt that summarized it; a new attempt or a failure clears them', t => {
	using store = openStore(createTempDatabasePath(t));
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	const meta = {sha256: 'sha-a', bytes: 1, format: 'pdf', pages: 12, title: null, runId};
	store.markRunning('a.pdf', meta);
	t.like(store.getDocument('a.pdf'), {warnings: null, summaryWarnings: null}, 'no summary yet, no warnings');
	store.markDone('a.pdf', 'sha-a', _result(runId, {warnings: _warnings, summaryWarnings: _warnings.slice(2)}));
	t.like(store.getDocument('a.pdf'), {warnings: _warnings, summaryWarnings: _warnings.slice(2)});
	t.deepEqual(store.listDocuments()[0]?.warnings, _warnings);

	// The next summary's warnings replace them, whatever they were.
	store.markDone('a.pdf', 'sha-a', _result(runId));
	t.like(store.getDocument('a.pdf'), {warnings: [], summaryWarnings: []});

	store.markDone('a.pdf', 'sha-a', _result(runId, {warnings: _warnings}));
	store.recordPending('a.pdf', {...meta, sha256: 'sha-b'});
	t.like(store.getDocument('a.pdf'), {warnings: null, summaryWarnings: null});
	store.markFailed('a.pdf', {sha256: 'sha-b', code: 'E_NO_TEXT', message: 'no text', retryable: false, runId});
	t.like(store.getDocument('a.pdf'), {status: 'failed', warnings: null});
	t.is(store.listDocuments()[0]?.warnings, null);
	t.is(store.getStatus().documents.withWarnings, 0, 'a failed document is not counted as done with warnings');
});

test('a document summarized before schema version 8 reads with null warnings (not known), and the column holds only JSON', t => {
	const file = createTempDatabasePath(t);
	mkdirSync(path.dirname(file));
	const migrations = readMigrations();
	const version8 = migrations.findIndex(migration => migration.file === '0008_document_warnings.sql');
	t.is(version8, 7);
	{
		const db = new Database(file);
		migrate(db, migrations.slice(0, version8));
		db.prepare(`INSERT INTO documents (path, sha256, status, summary, summary_key, updated_at) VALUES ('old.pdf', 'sha', 'done', 'S.', 'k', '2026-01-01T00:00:00.000Z')`).run();
		db.close();
	}
	using store = openStore(file);
	t.like(store.getDocument('old.pdf'), {status: 'done', summary: 'S.', warnings: null, summaryWarnings: null});
	t.is(store.listDocuments()[0]?.warnings, null);
	t.is(store.getStatus().documents.withWarnings, 0);

	const db = new Database(file);
	t.teardown(() => db.close());
	t.throws(() => db.prepare(`UPDATE documents SET warnings = 'page 1: not JSON' WHERE path = 'old.pdf'`).run(), {any: true, code: 'SQLITE_CONSTRAINT_CHECK'});
});
