import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {EngineError} from '../../../src/errors.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

/** A folder with two small documents and one of `bigChars` characters. */
function writeInbox(folder: string): {inbox: string; big: string} {
	const inbox = join(folder, 'inbox');
	mkdirSync(inbox);
	writeFileSync(join(inbox, 'a.txt'), createProse(6, 1));
	writeFileSync(join(inbox, 'b.txt'), createProse(6, 2));
	const big = join(inbox, 'big.txt');
	writeFileSync(big, createProse(60, 3));
	return {inbox, big};
}

test('E_TOO_LARGE is retried once its limit is raised, reusing the other documents\' cached calls (fails before failures kept their settings)', async t => {
	const work = createTempDir(t);
	const {inbox, big} = writeInbox(work);
	const db = join(work, 'precis.db');
	const engine = new ScriptedEngine({contextSize: 4096});

	const first = await runScriptedBatch(t, {engine, db, inputs: [inbox], extract: {maxTextChars: 1500}});
	t.like(first.result.documents, {total: 3, done: 2, failed: 1});
	t.like(first.store.getDocument(big), {status: 'failed', errorCode: 'E_TOO_LARGE', retryable: false});
	const callsBefore = engine.calls.length;

	const same = await runScriptedBatch(t, {engine, db, inputs: [inbox], extract: {maxTextChars: 1500}});
	t.like(same.result.documents, {done: 0, failed: 0, skipped: 3, failedBefore: 1}, 'unchanged settings: still skipped, and counted as failed before');

	const raised = await runScriptedBatch(t, {engine, db, inputs: [inbox], extract: {maxTextChars: 100_000}});
	t.like(raised.result.documents, {done: 1, failed: 0, skipped: 2, failedBefore: 0}, 'the raised limit retries the document');
	t.like(raised.store.getDocument(big), {status: 'done', errorCode: null});
	t.is(engine.calls.length - callsBefore, raised.result.llmCalls, 'only the retried document called the model');
	t.is(raised.result.llmCalls, 1);
});

test('a failure after reading is retried when the summary settings change, not when they stay', async t => {
	const work = createTempDir(t);
	const {inbox} = writeInbox(work);
	const db = join(work, 'precis.db');
	const engine = new ScriptedEngine({contextSize: 4096, answer: () => new EngineError('E_PROMPT_TOO_LONG', 'the server refused the prompt', {retryable: false})});
	const first = await runScriptedBatch(t, {engine, db, inputs: [inbox]});
	t.like(first.result.documents, {failed: 3});
	const again = await runScriptedBatch(t, {engine, db, inputs: [inbox]});
	t.like(again.result.documents, {skipped: 3, failedBefore: 3});
	const changed = await runScriptedBatch(t, {engine, db, inputs: [inbox], summarize: {maxOutputTokens: 32}});
	t.like(changed.result.documents, {failed: 3, skipped: 0}, 'other summary settings: tried again');
});

test('--retry-failed retries every failed document and keeps the call cache; --force replaces cached outputs (fails before: a forced output was not stored)', async t => {
	const work = createTempDir(t);
	const {inbox} = writeInbox(work);
	const db = join(work, 'precis.db');
	let version = 1;
	let refuseB = true;
	const textOfB = createProse(6, 2).slice(0, 40);
	const engine = new ScriptedEngine({
		contextSize: 4096,
		answer: request => refuseB && request.messages.at(-1)!.content.includes(textOfB)
			? new EngineError('E_GENERATION_FAILED', 'refused for good', {retryable: false})
			: `summary version ${version}`,
	});
	const first = await runScriptedBatch(t, {engine, db, inputs: [inbox]});
	t.like(first.result.documents, {done: 2, failed: 1});
	refuseB = false;
	const plain = await runScriptedBatch(t, {engine, db, inputs: [inbox]});
	t.like(plain.result.documents, {skipped: 3, failedBefore: 1});

	const retried = await runScriptedBatch(t, {engine, db, inputs: [inbox], retryFailed: true});
	t.like(retried.result.documents, {done: 1, skipped: 2});
	t.is(retried.result.llmCalls, 1, 'only the failed document called the model');

	version = 2;
	const forced = await runScriptedBatch(t, {engine, db, inputs: [inbox], force: true});
	t.like(forced.result, {llmCalls: 3, cacheHits: 0, documents: {done: 3}});
	const database = new Database(db, {readonly: true});
	t.teardown(() => database.close());
	const outputs = database.prepare('SELECT output FROM model_calls').pluck().all();
	t.deepEqual([...new Set(outputs)], ['summary version 2'], 'the cache holds the forced outputs');
});

test('a file that vanished between discovery and reading is E_FILE_UNREADABLE, not a generation failure (fails before: E_GENERATION_FAILED)', async t => {
	const work = createTempDir(t);
	const gone = join(work, 'gone.txt');
	async function* feed(): AsyncGenerator<string> {
		yield gone;
	}
	const engine = new ScriptedEngine();
	const {result, store} = await runScriptedBatch(t, {engine, db: join(work, 'precis.db'), source: feed()});
	t.like(result.documents, {failed: 1});
	t.like(store.getDocument(gone), {status: 'failed', errorCode: 'E_FILE_UNREADABLE', retryable: true});
	t.regex(store.getDocument(gone)?.errorMessage ?? '', /ENOENT.*removed or renamed/);
	t.is(engine.calls.length, 0);
});
