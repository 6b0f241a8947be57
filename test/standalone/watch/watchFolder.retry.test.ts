import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {LazyEngine} from '../../../src/engine/LazyEngine.js';
import {EngineError} from '../../../src/errors.js';
import {ExtractionPool} from '../../../src/ingest/ExtractionPool.js';
import type {RunEvent} from '../../../src/run/RunEvent.js';
import {openStore} from '../../../src/store/Store.js';
import {watchFolder} from '../../../src/watch/watchFolder.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

test('the watcher retries a transient failure with backoff, without the file changing (fails before: never looked at again)', async t => {
	const work = createTempDir(t);
	const file = join(work, 'report.txt');
	writeFileSync(file, createProse(5, 1));
	// The server is down for the first two calls.
	const engine = new ScriptedEngine({contextSize: 2048, answer: (_request, index) => index < 2 ? new EngineError('E_ENGINE_UNAVAILABLE', 'cannot reach http://127.0.0.1:1/v1 (ECONNREFUSED)') : 'summary'});
	const store = openStore(join(work, 'precis.db'));
	t.teardown(() => store.close());
	const pool = new ExtractionPool({limits: DEFAULT_CONFIG.extract, timeoutSeconds: 60, maxMemoryMb: 1024, workers: 1});
	t.teardown(() => pool.close());
	const stop = new AbortController();
	const events: RunEvent[] = [];
	const deadline = setTimeout(() => stop.abort(), 30_000);
	const result = await watchFolder({
		folders: [work], stableMs: 50, rescanMs: 60_000, retry: {baseMs: 100, maxMs: 400},
		config: {...DEFAULT_CONFIG, summarize: {...DEFAULT_CONFIG.summarize, maxOutputTokens: 16}},
		engine: LazyEngine.of(engine), store, pool, signal: stop.signal,
		onEvent: event => {
			events.push(event);
			if (event.type === 'document-done') stop.abort();
		},
	});
	clearTimeout(deadline);
	const failures = events.filter(event => event.type === 'document-failed');
	t.is(failures.length, 2);
	t.true(failures.every(event => event.retryable));
	t.like(result.documents, {done: 1, failed: 0}, 'counted once, by its latest outcome (fails before: 2 failed, 1 done)');
	t.like(store.getDocument(file), {status: 'done', summary: 'summary'});
});

test('a run error (a model that cannot load) stops the watcher with it, without a signal (fails before: it waited for SIGTERM)', async t => {
	const work = createTempDir(t);
	writeFileSync(join(work, 'report.txt'), createProse(5, 2));
	const engine = new LazyEngine('scripted:unloadable', async () => {
		throw new EngineError('E_MODEL_LOAD', 'the model file is corrupt');
	});
	const store = openStore(join(work, 'precis.db'));
	t.teardown(() => store.close());
	const pool = new ExtractionPool({limits: DEFAULT_CONFIG.extract, timeoutSeconds: 60, maxMemoryMb: 1024, workers: 1});
	t.teardown(() => pool.close());
	const stop = new AbortController();
	// Only so that the old behaviour fails the test instead of hanging it.
	const deadline = setTimeout(() => stop.abort(), 20_000);
	t.teardown(() => clearTimeout(deadline));
	await t.throwsAsync(watchFolder({
		folders: [work], stableMs: 50, rescanMs: 60_000,
		config: {...DEFAULT_CONFIG, summarize: {...DEFAULT_CONFIG.summarize, maxOutputTokens: 16}},
		engine, store, pool, signal: stop.signal,
	}), {code: 'E_MODEL_LOAD'});
	t.false(stop.signal.aborted, 'stopped by the error, not by the signal');
	t.is(store.getStatus().runs[0]?.status, 'failed');
});
