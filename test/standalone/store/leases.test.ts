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
	const lease = first.claimDocument('a.pdf', _me, _hour);
	t.truthy(lease);
	t.is(second.claimDocument('a.pdf', _parent, _hour), undefined);
	t.is(first.claimDocument('a.pdf', _me, _hour), undefined, 'a held claim is not granted twice, not even to its holder');
	t.like(second.getDocument('a.pdf'), {status: 'pending', claimedBy: `${_me.host}:${_me.pid}`, claimToken: lease!.token});

	second.releaseDocument({...lease!, token: 'not-the-token'});
	t.is(second.claimDocument('a.pdf', _parent, _hour), undefined, 'only the holder\'s token releases');
	first.releaseDocument(lease!);
	const secondLease = second.claimDocument('a.pdf', _parent, _hour);
	t.truthy(secondLease);
	t.not(secondLease!.token, lease!.token, 'every claim has its own token');

	const runId = second.startRun({pipeline: 'p', configHash: 'c'});
	t.true(second.markDone('a.pdf', 'sha', {lease: secondLease!, summary: 's', model: 'm', pipeline: 'p', summaryKey: 'k', promptTokens: 1, outputTokens: 1, llmCalls: 1, seconds: 1, runId}));
	t.like(first.getDocument('a.pdf'), {claimedBy: null, claimToken: null}, 'markDone releases');
	const third = first.claimDocument('a.pdf', _me, _hour);
	t.like(first.getDocument('a.pdf'), {status: 'done', summary: 's'}, 'claiming keeps the other\'s result, for the second look');
	t.true(first.markFailed('a.pdf', {lease: third!, sha256: 'sha', code: 'E_NO_TEXT', message: 'x', retryable: false, runId}));
	t.is(second.getDocument('a.pdf')?.claimedBy, null, 'markFailed releases');
});

test('a claim whose heartbeat is older than staleAfterMs is taken over; heartbeats keep it', async t => {
	const [first, second] = _openPair(t);
	// A claimer on another host: its liveness cannot be checked, only its heartbeat.
	const remote = {host: 'another-host.example', pid: 4242};
	t.truthy(first.claimDocument('a.pdf', remote, _hour));
	t.truthy(first.claimDocument('b.pdf', remote, _hour));
	await new Promise(resolve => setTimeout(resolve, 300));
	t.is(first.heartbeat(remote), 2);
	t.is(second.claimDocument('a.pdf', _me, 200), undefined, 'a fresh heartbeat keeps the claim');
	await new Promise(resolve => setTimeout(resolve, 300));
	t.truthy(second.claimDocument('a.pdf', _me, 200), 'a stale heartbeat loses it');
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

	t.is(store.claimDocument('held.pdf', _me, _hour), undefined);
	await child.end();
	t.truthy(store.claimDocument('held.pdf', _me, _hour), 'the dead pid\'s claim is reclaimed without waiting for staleness');
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
	const stalled = first.claimDocument('a.pdf', _me, _hour)!;
	await new Promise(resolve => setTimeout(resolve, 5));
	const current = second.claimDocument('a.pdf', _parent, 1);
	t.truthy(current, 'the claim went stale and the other process took it');
	t.false(first.markDone('a.pdf', 'sha-a', {...result, lease: stalled}), 'the stalled process writes nothing');
	t.false(first.markFailed('a.pdf', {lease: stalled, sha256: 'sha-a', code: 'E_GENERATION_FAILED', message: 'late', retryable: true, runId}));
	t.like(second.getDocument('a.pdf'), {status: 'pending', claimedBy: `${_parent.host}:${_parent.pid}`, summary: null});
	t.true(second.markDone('a.pdf', 'sha-a', {...result, summary: 'current', lease: current!}));
	t.like(first.getDocument('a.pdf'), {status: 'done', summary: 'current', claimedBy: null});
	t.true(first.markDone('b.pdf', 'sha-b', result), 'a write that presents no lease is not guarded');
});

test('a process frozen past its lease cannot undo the next holder\'s finished work, even once the claim is free (fails before claim tokens)', t => {
	let now = Date.parse('2026-12-02T06:00:00Z');
	const file = createTempDatabasePath(t);
	const clock = () => now;
	const frozen = openStore(file, {clock});
	const next = openStore(file, {clock});
	t.teardown(() => [frozen, next].forEach(store => store.close()));
	const runId = frozen.startRun({pipeline: 'p', configHash: 'h'});
	const meta = {sha256: 'sha-a', bytes: 1, format: 'text', runId};
	const result = {summary: 'finished by the next holder', model: 'm', pipeline: 'p', summaryKey: 'k', promptTokens: 1, outputTokens: 1, llmCalls: 1, seconds: 1, runId};
	// Both work as one host and one pid would after a restart or in a container: only the token tells them apart.
	const remote = {host: 'vm.example', pid: 7};

	const stale = frozen.claimDocument('a.pdf', remote, 60_000)!;
	t.true(frozen.markRunning('a.pdf', meta, stale));
	now += 5 * 60_000; // the VM is suspended for five minutes
	const taken = next.claimDocument('a.pdf', remote, 60_000);
	t.truthy(taken, 'the lease went stale');
	t.true(next.markRunning('a.pdf', meta, taken));
	t.true(next.markDone('a.pdf', 'sha-a', {...result, lease: taken!}));

	// The frozen process wakes up: the claim is free now, and every one of its writes must still be refused.
	t.false(frozen.recordPending('a.pdf', meta, stale), 'no attempt bookkeeping without the claim');
	t.false(frozen.markRunning('a.pdf', meta, stale));
	t.false(frozen.markFailed('a.pdf', {lease: stale, sha256: 'sha-a', code: 'E_INTERRUPTED', message: 'late', retryable: true, runId}));
	t.false(frozen.markDone('a.pdf', 'sha-a', {...result, summary: 'stale', lease: stale}));
	frozen.releaseDocument(stale);
	t.like(next.getDocument('a.pdf'), {status: 'done', summary: 'finished by the next holder'});
});

test('a wall clock stepped back neither pins a dead claim for the size of the step nor costs a live holder its claim', t => {
	let now = Date.parse('2026-12-02T06:00:00Z');
	const store = openStore(createTempDatabasePath(t), {clock: () => now});
	t.teardown(() => store.close());
	const crashed = {host: 'crashed.example', pid: 9};
	const live = {host: 'live.example', pid: 10};
	t.truthy(store.claimDocument('dead.pdf', crashed, 60_000));
	t.truthy(store.claimDocument('live.pdf', live, 60_000));
	now -= 3_600_000; // NTP steps the clock back an hour
	t.is(store.heartbeat(live), 1, 'the live holder beats on its own (monotonic) timer');
	now += 10_000;
	t.truthy(store.claimDocument('dead.pdf', _me, 60_000), 'a heartbeat an hour in the future proves nothing: taken at once, not an hour later');
	t.is(store.claimDocument('live.pdf', _me, 60_000), undefined, 'the live holder\'s fresh heartbeat keeps its claim');
});
