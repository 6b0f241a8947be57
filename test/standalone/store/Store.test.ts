import test from 'ava';
import Database from 'better-sqlite3';
import {decideDocument, type DocumentDecision} from '../../../src/run/decideDocument.js';
import {documentRecordFields} from '../../../src/store/DocumentRecord.js';
import {openStore, type Store} from '../../../src/store/Store.js';
import type {DocumentResult} from '../../../src/store/types.js';
import {createTempDatabasePath} from './createTempDatabasePath.js';

function _openTempStore(t: Parameters<typeof createTempDatabasePath>[0]): Store {
	const store = openStore(createTempDatabasePath(t));
	t.teardown(() => store.close());
	return store;
}

function _result(runId: number, overrides: Partial<DocumentResult> = {}): DocumentResult {
	return {
		summary: 'A summary.', keyPoints: ['one', 'two'], model: 'test-model', pipeline: 'map-reduce', summaryKey: 'key-1',
		promptTokens: 120, outputTokens: 30, llmCalls: 2, seconds: 1.25, runId, ...overrides,
	};
}

/** The runner's rule applied to what the store holds, as a run with settings `summaryKey` sees it. */
function _decide(store: Store, file: string, sha256: string, summaryKey: string): DocumentDecision {
	return decideDocument(store.getDocument(file), {sha256, summaryKey, earlierSummaryKeys: [], currentOcrKeys: [], failureKeys: [summaryKey], force: false, retryFailed: false});
}

const _meta = (runId: number, sha256 = 'sha-a') => ({sha256, bytes: 1000, format: 'pdf', pages: 3, title: 'Report', runId});

test('an unknown document is processed; a done one with the same bytes and settings is skipped', t => {
	const store = _openTempStore(t);
	const runId = store.startRun({pipeline: 'map-reduce', configHash: 'c'});
	t.is(_decide(store, 'a.pdf', 'sha-a', 'key-1'), 'process');

	store.markRunning('a.pdf', _meta(runId));
	t.is(_decide(store, 'a.pdf', 'sha-a', 'key-1'), 'process', 'running is not done');
	store.markDone('a.pdf', 'sha-a', _result(runId));
	t.is(_decide(store, 'a.pdf', 'sha-a', 'key-1'), 'skip-done');
	t.is(_decide(store, 'a.pdf', 'sha-a', 'key-2'), 'process', 'new summarization settings re-process');
	t.is(_decide(store, 'a.pdf', 'sha-b', 'key-1'), 'process', 'changed bytes re-process');
	t.like(store.getDocument('a.pdf'), {
		status: 'done', sha256: 'sha-a', bytes: 1000, format: 'pdf', pages: 3, title: 'Report', summary: 'A summary.',
		keyPoints: ['one', 'two'], summaryKey: 'key-1', promptTokens: 120, outputTokens: 30, llmCalls: 2, seconds: 1.25, runId,
		errorCode: null, retryable: null,
	});
});

test('a done document keeps its OCR key (NULL when none is given); a new attempt or a failure clears it', t => {
	const store = _openTempStore(t);
	const runId = store.startRun({pipeline: 'map-reduce', configHash: 'c'});
	store.markDone('scan.pdf', 'sha-s', _result(runId, {ocrKey: 'ocr-1'}));
	store.markDone('notes.txt', 'sha-n', _result(runId));
	t.is(store.getDocument('scan.pdf')?.ocrKey, 'ocr-1');
	t.is(store.getDocument('notes.txt')?.ocrKey, null);
	store.markRunning('scan.pdf', _meta(runId, 'sha-s'));
	t.is(store.getDocument('scan.pdf')?.ocrKey, null);
	store.markDone('scan.pdf', 'sha-s', _result(runId, {ocrKey: 'ocr-2'}));
	store.markFailed('scan.pdf', {sha256: 'sha-s', code: 'E_GENERATION_FAILED', message: 'boom', retryable: true, runId});
	t.is(store.getDocument('scan.pdf')?.ocrKey, null);
});

test('a failure never marks the bytes processed, even after a done result (poisoned hash)', t => {
	const store = _openTempStore(t);
	const runId = store.startRun({pipeline: 'map-reduce', configHash: 'c'});
	store.markDone('a.pdf', 'sha-a', _result(runId));
	// Re-summarizing the same bytes with new settings fails transiently: the old summary is gone and nothing is skipped.
	store.markRunning('a.pdf', _meta(runId));
	store.markFailed('a.pdf', {sha256: 'sha-a', code: 'E_GENERATION_FAILED', message: 'boom', retryable: true, runId});

	for (const key of ['key-1', 'key-2']) t.is(_decide(store, 'a.pdf', 'sha-a', key), 'process');
	t.like(store.getDocument('a.pdf'), {status: 'failed', summary: null, keyPoints: null, summaryKey: null, errorCode: 'E_GENERATION_FAILED', retryable: true});
	t.deepEqual(store.listDocuments({status: 'done'}), []);
});

test('a permanent failure is skipped until the bytes change; a transient one is retried', t => {
	const store = _openTempStore(t);
	const runId = store.startRun({pipeline: 'map-reduce', configHash: 'c'});
	store.markFailed('broken.pdf', {sha256: 'sha-x', code: 'E_PARSE_FAILED', message: 'bad xref', retryable: false, runId});
	t.is(_decide(store, 'broken.pdf', 'sha-x', 'key-1'), 'skip-failed');
	t.is(_decide(store, 'broken.pdf', 'sha-x', 'key-2'), 'skip-failed', 'a failure recorded without its settings (schema version 1) stays skipped');
	t.is(_decide(store, 'broken.pdf', 'sha-y', 'key-1'), 'process');

	store.markFailed('slow.pdf', {sha256: 'sha-s', code: 'E_ENGINE_UNAVAILABLE', message: 'down', retryable: true, runId});
	t.is(_decide(store, 'slow.pdf', 'sha-s', 'key-1'), 'process');

	// Unreadable bytes have no hash: the failure cannot stick to any content.
	store.markFailed('gone.pdf', {code: 'E_FILE_UNREADABLE', message: 'EACCES', retryable: false, runId});
	t.is(store.getDocument('gone.pdf')?.sha256, null);
	t.is(_decide(store, 'gone.pdf', 'sha-g', 'key-1'), 'process');

	// A changed file that then succeeds replaces the failure.
	store.markRunning('broken.pdf', _meta(runId, 'sha-y'));
	t.like(store.getDocument('broken.pdf'), {status: 'running', sha256: 'sha-y', errorCode: null, retryable: null});
	store.markDone('broken.pdf', 'sha-y', _result(runId));
	t.is(_decide(store, 'broken.pdf', 'sha-y', 'key-1'), 'skip-done');
	t.is(_decide(store, 'broken.pdf', 'sha-x', 'key-1'), 'process');
});

test('a new attempt clears the earlier result, so a crash mid-run leaves nothing marked done', t => {
	const store = _openTempStore(t);
	const runId = store.startRun({pipeline: 'map-reduce', configHash: 'c'});
	store.markDone('a.pdf', 'sha-a', _result(runId));
	store.recordPending('a.pdf', _meta(runId, 'sha-b'));
	t.like(store.getDocument('a.pdf'), {status: 'pending', sha256: 'sha-b', summary: null, summaryKey: null});
	t.is(_decide(store, 'a.pdf', 'sha-a', 'key-1'), 'process');
	t.is(_decide(store, 'a.pdf', 'sha-b', 'key-1'), 'process');
});

test('run counters are written live and read back by another connection', t => {
	const file = createTempDatabasePath(t);
	const writer = openStore(file);
	const reader = openStore(file);
	t.teardown(() => {
		writer.close();
		reader.close();
	});
	const runId = writer.startRun({pipeline: 'map-reduce', configHash: 'cfg'});
	t.like(reader.getRun(runId), {status: 'running', pid: process.pid, pipeline: 'map-reduce', configHash: 'cfg', llmCalls: 0, finishedAt: null});

	writer.updateRunCounters(runId, {llmCalls: 4, promptTokens: 900, documentsTotal: 10});
	writer.updateRunCounters(runId, {documentsDone: 3, cacheHits: undefined});
	t.like(reader.getRun(runId), {llmCalls: 4, promptTokens: 900, documentsTotal: 10, documentsDone: 3, cacheHits: 0});

	writer.finishRun(runId, 'done', {documentsDone: 9, documentsFailed: 1});
	const finished = reader.getRun(runId)!;
	t.like(finished, {status: 'done', llmCalls: 4, documentsDone: 9, documentsFailed: 1});
	t.true(finished.finishedAt! >= finished.startedAt);
	t.regex(finished.startedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test('a run left running by a dead process reads as interrupted and is recorded so by the next run', t => {
	const file = createTempDatabasePath(t);
	const store = openStore(file);
	t.teardown(() => store.close());
	const oldRun = store.startRun({pipeline: 'p', configHash: 'c'});
	// Make the run belong to a process that cannot exist: Linux pids stay below 2^22 (pid_max's ceiling).
	const db = new Database(file);
	db.prepare('UPDATE runs SET pid = ? WHERE id = ?').run(4_194_999, oldRun);
	db.close();

	t.is(store.getStatus().runs.find(run => run.id === oldRun)?.status, 'interrupted');
	t.is(store.getRun(oldRun)?.status, 'running', 'reading does not write');
	const newRun = store.startRun({pipeline: 'p', configHash: 'c'});
	t.is(store.getRun(oldRun)?.status, 'interrupted');
	t.is(store.getRun(newRun)?.status, 'running');
});

test('model calls: put once, read back, a second put keeps the first', t => {
	const store = _openTempStore(t);
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	t.is(store.getCachedCall('k1'), undefined);
	const call = {key: 'k1', output: 'Ответ — 要約 ✅', promptTokens: 10, outputTokens: 5, durationMs: 321, runId};
	t.true(store.putCall(call));
	t.false(store.putCall({...call, output: 'different'}));
	t.deepEqual(store.getCachedCall('k1'), call);
	t.true(store.putCall({...call, key: 'k2', runId: null}));
	t.is(store.getCachedCall('k2')?.runId, null);
});

test('chunks are replaced per content hash and chunking key', t => {
	const store = _openTempStore(t);
	const chunks = [
		{index: 0, tokens: 500, charStart: 0, charEnd: 2000, pageFirst: 1, pageLast: 2, headings: ['Intro']},
		{index: 1, tokens: 300, charStart: 2000, charEnd: 3100, pageFirst: 2, pageLast: 2, headings: ['Intro', 'Details']},
	];
	store.putChunks('sha-a', 'chunk-1', chunks);
	store.putChunks('sha-a', 'chunk-2', [{index: 0, tokens: 800, charStart: 0, charEnd: 3100}]);
	t.deepEqual(store.listChunks('sha-a', 'chunk-1'), chunks);
	store.putChunks('sha-a', 'chunk-1', chunks.slice(0, 1));
	t.deepEqual(store.listChunks('sha-a', 'chunk-1'), chunks.slice(0, 1));
	t.deepEqual(store.listChunks('sha-a', 'chunk-2'), [{index: 0, tokens: 800, charStart: 0, charEnd: 3100, pageFirst: null, pageLast: null, headings: []}]);
});

test('status counts documents by state and lists runs latest first; failures are listed newest first', async t => {
	const store = _openTempStore(t);
	const first = store.startRun({pipeline: 'p', configHash: 'c'});
	store.finishRun(first, 'failed', {llmCalls: 1});
	const second = store.startRun({pipeline: 'p', configHash: 'c'});
	store.markDone('a.txt', 'sha-a', _result(second, {warnings: ['page 2: OCR confidence 40 is low']}));
	store.markDone('f.txt', 'sha-f', _result(second, {warnings: []}));
	store.markFailed('b.txt', {sha256: 'sha-b', code: 'E_NO_TEXT', message: 'no text', retryable: false, runId: second});
	await new Promise(resolve => setTimeout(resolve, 5));
	store.markFailed('c.txt', {sha256: 'sha-c', code: 'E_TIMEOUT', message: 'too slow', retryable: false, runId: second});
	store.recordPending('d.txt', _meta(second));
	store.markRunning('e.txt', _meta(second));

	const status = store.getStatus();
	t.deepEqual(status.documents, {total: 6, done: 2, failed: 2, pending: 1, running: 1, withWarnings: 1});
	t.deepEqual(status.runs.map(run => [run.id, run.status]), [[second, 'running'], [first, 'failed']]);
	t.deepEqual(Object.keys(status.runs[0]!).sort(), [
		'cacheHits', 'configHash', 'documentsDone', 'documentsFailed', 'documentsSkipped', 'documentsTotal', 'finishedAt',
		'host', 'id', 'llmCalls', 'outputTokens', 'pid', 'pipeline', 'promptTokens', 'startedAt', 'status',
	]);
	t.is(store.getStatus(1).runs.length, 1);

	const failures = store.listRecentFailures(10);
	t.deepEqual(failures.map(failure => [failure.path, failure.errorCode, failure.retryable]), [['c.txt', 'E_TIMEOUT', false], ['b.txt', 'E_NO_TEXT', false]]);
	t.is(store.listRecentFailures(1).length, 1);
});

test('listDocuments filters by run, time and status, and returns report-shaped records', async t => {
	const store = _openTempStore(t);
	const first = store.startRun({pipeline: 'p', configHash: 'c'});
	store.markDone('b.pdf', 'sha-b', _result(first));
	store.markFailed('a.pdf', {sha256: 'sha-a', code: 'E_ENCRYPTED', message: 'password', retryable: false, runId: first});
	await new Promise(resolve => setTimeout(resolve, 5));
	const since = new Date();
	const second = store.startRun({pipeline: 'p', configHash: 'c'});
	store.markDone('c.pdf', 'sha-c', _result(second, {keyPoints: null}));
	store.recordPending('d.pdf', _meta(second));

	const paths = (options: Parameters<Store['listDocuments']>[0]) => store.listDocuments(options).map(record => record.path);
	t.deepEqual(paths({}), ['a.pdf', 'b.pdf', 'c.pdf'], 'pending documents have no outcome to report');
	t.deepEqual(paths({runId: first}), ['a.pdf', 'b.pdf']);
	t.deepEqual(paths({runId: second}), ['c.pdf']);
	t.deepEqual(paths({since}), ['c.pdf']);
	t.deepEqual(paths({status: 'failed'}), ['a.pdf']);
	t.deepEqual(paths({status: 'done', runId: first}), ['b.pdf']);

	const [failed, done, noKeyPoints] = store.listDocuments();
	t.deepEqual(Object.keys(done!), [...documentRecordFields]);
	t.like(done, {status: 'done', sha256: 'sha-b', summary: 'A summary.', key_points: ['one', 'two'], model: 'test-model', prompt_tokens: 120, seconds: 1.25});
	t.like(failed, {status: 'failed', error_code: 'E_ENCRYPTED', error_message: 'password', summary: null});
	t.is(noKeyPoints?.key_points, null);
});

test('the database passes integrity and foreign key checks after use, and close is safe twice', t => {
	const file = createTempDatabasePath(t);
	const store = openStore(file);
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	for (let index = 0; index < 50; index++) {
		store.markRunning(`doc-${index}.txt`, _meta(runId, `sha-${index}`));
		if (index % 3 === 0) store.markFailed(`doc-${index}.txt`, {sha256: `sha-${index}`, code: 'E_NO_TEXT', message: 'x', retryable: false, runId});
		else store.markDone(`doc-${index}.txt`, `sha-${index}`, _result(runId));
		store.putCall({key: `call-${index}`, output: 'o'.repeat(index * 100), promptTokens: 1, outputTokens: 1, durationMs: 1, runId});
	}
	store.finishRun(runId, 'done', {documentsDone: 33, documentsFailed: 17});
	t.throws(() => store.markDone('x.txt', 'sha', _result(9999)), {any: true, code: 'SQLITE_CONSTRAINT_FOREIGNKEY'});
	store.close();
	t.notThrows(() => store.close());
	t.throws(() => store.getStatus(), {message: /not open/});

	const db = new Database(file, {readonly: true});
	t.teardown(() => db.close());
	t.is(db.pragma('integrity_check', {simple: true}), 'ok');
	t.deepEqual(db.pragma('foreign_key_check'), []);
});

test('a write blocked by another connection past the busy timeout fails with E_DB_BUSY', t => {
	const file = createTempDatabasePath(t);
	const store = openStore(file, {busyTimeoutMs: 50});
	t.teardown(() => store.close());
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	const other = new Database(file);
	t.teardown(() => other.close());
	other.exec('BEGIN IMMEDIATE');

	t.throws(() => store.markDone('a.pdf', 'sha', _result(runId)), {code: 'E_DB_BUSY', message: /locked by another process for 50 ms while recording the summary of a\.pdf/});
	t.is(store.getDocument('a.pdf'), undefined, 'reads still work under a writer (WAL)');
	other.exec('ROLLBACK');
	store.markDone('a.pdf', 'sha', _result(runId));
	t.is(_decide(store, 'a.pdf', 'sha', 'key-1'), 'skip-done');
	t.throws(() => openStore(file, {busyTimeoutMs: -1}), {message: /Expected `busyTimeoutMs` to be a non-negative integer, got -1/});
});
