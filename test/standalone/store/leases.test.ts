import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {hostname} from 'node:os';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {openStore, type Store} from '../../../src/store/Store.js';
import {createTempDatabasePath} from './createTempDatabasePath.js';

const _childScript = fileURLToPath(new URL('claimInChild.ts', import.meta.url));
const _repository = fileURLToPath(new URL('../../../', import.meta.url));
const _hour = 3_600_000;
/** Two live processes of this host: this test worker and the AVA process that started it. */
const _me = {host: hostname(), pid: process.pid};
const _parent = {host: hostname(), pid: process.ppid};

function _openPair(t: ExecutionContext): [Store, Store] {
	const file = createTempDatabasePath(t);
	const stores: [Store, Store] = [openStore(file), openStore(file)];
	t.teardown(() => stores.forEach(store => store.close()));
	return stores;
}

/** Starts claimInChild.ts; `next()` resolves with its next stdout line, `end()` closes its stdin and awaits its exit. */
function _spawnClaimer(t: ExecutionContext, database: string, paths: readonly string[], start = 0) {
	const child = spawn(process.execPath, ['--import', 'tsx', _childScript, database, String(_hour), String(start), ...paths], {
		cwd: _repository, stdio: ['pipe', 'pipe', 'inherit'],
	});
	const exited = once(child, 'exit');
	t.teardown(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill();
	});
	const lines = createInterface({input: child.stdout})[Symbol.asyncIterator]();
	return {
		pid: child.pid!,
		async next(): Promise<string> {
			const line = await lines.next();
			if (line.done) throw new Error(`claimInChild.ts (pid ${child.pid}) exited before answering`);
			return line.value;
		},
		send(line: string): void {
			child.stdin.write(`${line}\n`);
		},
		async end(): Promise<void> {
			child.stdin.end();
			const [code] = await exited;
			if (code !== 0) throw new Error(`claimInChild.ts exited with ${code}`);
		},
	};
}

test('two stores on one file cannot both claim a document; release and done hand it over', t => {
	const [first, second] = _openPair(t);
	t.true(first.claimDocument('a.pdf', _me, _hour));
	t.false(second.claimDocument('a.pdf', _parent, _hour));
	t.true(first.claimDocument('a.pdf', _me, _hour), 'claiming again is idempotent');
	t.like(second.getDocument('a.pdf'), {status: 'pending', claimedBy: `${_me.host}:${_me.pid}`});

	second.releaseDocument('a.pdf', _parent);
	t.false(second.claimDocument('a.pdf', _parent, _hour), 'only the holder can release');
	first.releaseDocument('a.pdf', _me);
	t.true(second.claimDocument('a.pdf', _parent, _hour));

	const runId = second.startRun({pipeline: 'p', configHash: 'c'});
	second.markDone('a.pdf', 'sha', {summary: 's', model: 'm', pipeline: 'p', summaryKey: 'k', promptTokens: 1, outputTokens: 1, llmCalls: 1, seconds: 1, runId});
	t.is(first.getDocument('a.pdf')?.claimedBy, null, 'markDone releases');
	t.true(first.claimDocument('a.pdf', _me, _hour));
	t.is(first.decideDocument('a.pdf', 'sha', 'k'), 'skip-done', 'after claiming, deciding again sees the other\'s result');
	first.markFailed('a.pdf', {sha256: 'sha', code: 'E_NO_TEXT', message: 'x', retryable: false, runId});
	t.is(second.getDocument('a.pdf')?.claimedBy, null, 'markFailed releases');
});

test('a claim whose heartbeat is older than staleAfterMs is taken over; heartbeats keep it', async t => {
	const [first, second] = _openPair(t);
	// A claimer on another host: its liveness cannot be checked, only its heartbeat.
	const remote = {host: 'another-host.example', pid: 4242};
	t.true(first.claimDocument('a.pdf', remote, _hour));
	t.true(first.claimDocument('b.pdf', remote, _hour));
	await new Promise(resolve => setTimeout(resolve, 300));
	t.is(first.heartbeat(remote), 2);
	t.false(second.claimDocument('a.pdf', _me, 200), 'a fresh heartbeat keeps the claim');
	await new Promise(resolve => setTimeout(resolve, 300));
	t.true(second.claimDocument('a.pdf', _me, 200), 'a stale heartbeat loses it');
	t.is(first.heartbeat(remote), 1, 'the old owner keeps only b.pdf');
	t.like(first.getDocument('a.pdf'), {claimedBy: `${_me.host}:${_me.pid}`});
});

test('a claim held by a live child process blocks others; once the child dies, its claim is reclaimed', async t => {
	const file = createTempDatabasePath(t);
	const store = openStore(file);
	t.teardown(() => store.close());
	const child = _spawnClaimer(t, file, ['held.pdf']);
	t.is(await child.next(), 'ready');
	child.send('go');
	t.deepEqual(JSON.parse(await child.next()), ['held.pdf']);
	t.is(store.getDocument('held.pdf')?.claimedBy, `${hostname()}:${child.pid}`);

	t.false(store.claimDocument('held.pdf', _me, _hour));
	await child.end();
	t.true(store.claimDocument('held.pdf', _me, _hour), 'the dead pid\'s claim is reclaimed without waiting for staleness');
});

test('processes racing for the same documents each get a disjoint share and together get all', async t => {
	// No store opens the file first: the children also race to create and migrate it.
	const file = createTempDatabasePath(t);
	const paths = Array.from({length: 400}, (_, index) => `doc-${String(index).padStart(3, '0')}.pdf`);
	// Each process starts at its own quarter and wraps around, so they meet on every document.
	const children = Array.from({length: 4}, (_, index) => _spawnClaimer(t, file, paths, index * 100));
	for (const child of children) t.is(await child.next(), 'ready');
	for (const child of children) child.send('go');
	const shares = await Promise.all(children.map(async child => JSON.parse(await child.next()) as string[]));
	await Promise.all(children.map(child => child.end()));

	const all = shares.flat().sort();
	t.deepEqual(all, paths, 'every document claimed exactly once');
	t.log('claims per process:', shares.map(share => share.length).join(', '));
	const store = openStore(file);
	t.teardown(() => store.close());
	const owners = new Map(children.map((child, index) => [`${hostname()}:${child.pid}`, shares[index]!]));
	for (const path of paths) t.true(owners.get(store.getDocument(path)!.claimedBy!)!.includes(path));
});

test('a process whose claim was taken over while it stalled cannot write its outcome over the new holder', async t => {
	const [first, second] = _openPair(t);
	const runId = first.startRun({pipeline: 'p', configHash: 'h'});
	const result = {summary: 'late', model: 'm', pipeline: 'p', summaryKey: 'k', promptTokens: 1, outputTokens: 1, llmCalls: 1, seconds: 1, runId};
	t.true(first.claimDocument('a.pdf', _me, _hour));
	await new Promise(resolve => setTimeout(resolve, 5));
	t.true(second.claimDocument('a.pdf', _parent, 1), 'the claim went stale and the other process took it');
	t.false(first.markDone('a.pdf', 'sha-a', {...result, owner: _me}), 'the stalled process writes nothing');
	t.false(first.markFailed('a.pdf', {owner: _me, sha256: 'sha-a', code: 'E_GENERATION_FAILED', message: 'late', retryable: true, runId}));
	t.like(second.getDocument('a.pdf'), {status: 'pending', claimedBy: `${_parent.host}:${_parent.pid}`, summary: null});
	t.true(second.markDone('a.pdf', 'sha-a', {...result, summary: 'current', owner: _parent}));
	t.like(first.getDocument('a.pdf'), {status: 'done', summary: 'current', claimedBy: null});
	t.true(first.markDone('b.pdf', 'sha-b', {...result, owner: _me}), 'a document nobody claimed is written');
});
