import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import test, {type ExecutionContext} from 'ava';
import Database from 'better-sqlite3';
import {EngineError} from '../../../src/errors.js';
import {openStore} from '../../../src/store/Store.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

/** Resolves when `signal` aborts, or after `ms` (so that code that never aborts fails the test instead of hanging it). */
async function abortedOrAfter(signal: AbortSignal | undefined, ms: number): Promise<void> {
	await sleep(ms, undefined, signal === undefined ? {} : {signal}).catch(() => undefined);
}

/** `count` small documents and a database, with a second connection to it that can take the write lock as another process would. */
function createLockableInbox(t: ExecutionContext, count: number): {work: string; db: string; locker: Database.Database} {
	const work = createTempDir(t);
	const db = join(work, 'precis.db');
	for (let index = 0; index < count; index++) writeFileSync(join(work, `doc-${index}.txt`), createProse(5, index + 1));
	openStore(db).close();
	const locker = new Database(db);
	t.teardown(() => locker.close());
	return {work, db, locker};
}

test('a lane that fails stops the run: the other lanes abandon their calls and put their documents back before the run is recorded as failed (fails before: the run returned with a call still in flight)', async t => {
	const {work, db, locker} = createLockableInbox(t, 2);
	let inFlight = 0;
	const engine = new ScriptedEngine({
		contextSize: 2048, parallel: 2,
		answer: async (request, index) => {
			inFlight++;
			try {
				if (index === 0) {
					while (engine.calls.length < 2) await sleep(5);
					// Another process takes the write lock past the busy timeout: recording this call fails.
					locker.exec('BEGIN IMMEDIATE');
					return 'first';
				}
				await abortedOrAfter(request.signal, 3000);
				if (locker.inTransaction) locker.exec('ROLLBACK');
				return new EngineError('E_INTERRUPTED', 'model call was aborted');
			} finally {
				inFlight--;
			}
		},
	});
	const run = runScriptedBatch(t, {engine, db, inputs: [work], store: {busyTimeoutMs: 50}});
	const error = await t.throwsAsync(run, {code: 'E_DB_BUSY'});
	t.is(inFlight, 0, 'no call was left running when the run reported');
	t.regex(error?.message ?? '', /locked by another process/);
	const store = openStore(db);
	t.teardown(() => store.close());
	t.is(store.getStatus().runs[0]?.status, 'failed');
	const rows = [0, 1].map(index => store.getDocument(join(work, `doc-${index}.txt`)));
	t.false(rows.some(row => row?.errorCode === 'E_ENGINE_UNAVAILABLE' || row?.errorCode === 'E_INTERRUPTED'), 'no false failure recorded');
	t.true(rows.every(row => row?.status !== 'done' && row?.claimedBy === null), 'both documents left for the next run, unclaimed');
});

test('a heartbeat that fails stops the run with its error, not an uncaught exception', async t => {
	const {work, db, locker} = createLockableInbox(t, 1);
	const engine = new ScriptedEngine({
		contextSize: 2048,
		answer: async request => {
			locker.exec('BEGIN IMMEDIATE');
			await abortedOrAfter(request.signal, 3000);
			locker.exec('ROLLBACK');
			return new EngineError('E_INTERRUPTED', 'model call was aborted');
		},
	});
	const run = runScriptedBatch(t, {engine, db, inputs: [work], store: {busyTimeoutMs: 20}, lease: {heartbeatMs: 100, staleAfterMs: 60_000}});
	await t.throwsAsync(run, {code: 'E_DB_BUSY', message: /while refreshing claims/});
	const store = openStore(db);
	t.teardown(() => store.close());
	t.is(store.getStatus().runs[0]?.status, 'failed');
	t.like(store.getDocument(join(work, 'doc-0.txt')), {status: 'pending', claimedBy: null});
});
