import test from 'ava';
import {appendFileSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {createFileSettler} from '../../../src/watch/createFileSettler.js';
import {createTempDir} from '../../helpers/createTempDir.js';

function settleInto(settled: Array<{path: string; size: number}>, stableMs: number) {
	const settler = createFileSettler({stableMs, onStable: path => settled.push({path, size: readFileSync(path).length})});
	return settler;
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition() && Date.now() < deadline) await sleep(20);
}

test('a file written in pieces settles once, after its last piece', async t => {
	const file = join(createTempDir(t), 'growing.txt');
	const settled: Array<{path: string; size: number}> = [];
	const settler = settleInto(settled, 800);
	t.teardown(() => settler.close());
	writeFileSync(file, '');
	for (let piece = 0; piece < 8; piece++) {
		appendFileSync(file, 'x'.repeat(1000));
		// Only every other piece is announced, as when events are lost: the stat comparison catches the rest.
		if (piece % 2 === 0) settler.touch(file);
		await sleep(100);
	}
	await waitUntil(() => settled.length > 0 && settler.waiting === 0);
	await sleep(600);
	t.deepEqual(settled, [{path: file, size: 8000}]);
});

test('a file touched again after it settled settles again; one that did not change does not', async t => {
	const folder = createTempDir(t);
	const file = join(folder, 'doc.txt');
	writeFileSync(file, 'hello');
	const settled: Array<{path: string; size: number}> = [];
	const settler = settleInto(settled, 50);
	t.teardown(() => settler.close());
	settler.touch(file);
	await waitUntil(() => settled.length === 1);
	t.false(await settler.review(file), 'a rescan of an unchanged file is not a change');
	settler.touch(file);
	await waitUntil(() => settler.waiting === 0);
	await sleep(150);
	t.is(settled.length, 1, 'an event that changed nothing does not settle it again');
	const later = new Date(Date.now() + 5000);
	utimesSync(file, later, later);
	t.true(await settler.review(file), 'a touched file is reviewed');
	await waitUntil(() => settled.length === 2);
	t.is(settled.length, 2);
});

test('a file removed while waiting, or forgotten, never settles; close stops every wait', async t => {
	const folder = createTempDir(t);
	const settled: Array<{path: string; size: number}> = [];
	const settler = settleInto(settled, 100);
	const removed = join(folder, 'removed.txt');
	const forgotten = join(folder, 'forgotten.txt');
	const closed = join(folder, 'closed.txt');
	for (const file of [removed, forgotten, closed]) writeFileSync(file, 'data');
	settler.touch(removed);
	settler.touch(forgotten);
	await sleep(20);
	rmSync(removed);
	settler.forget(forgotten);
	await waitUntil(() => settler.waiting === 0);
	const other = createFileSettler({stableMs: 100, onStable: path => settled.push({path, size: 0})});
	other.touch(closed);
	other.close();
	other.close();
	await sleep(300);
	t.deepEqual(settled, []);
	t.is(settler.waiting, 0);
	settler.close();
});

test('stableMs is checked', t => {
	t.throws(() => createFileSettler({stableMs: -1, onStable: () => undefined}), {instanceOf: TypeError, message: /stableMs/});
	t.throws(() => createFileSettler({stableMs: 1.5, onStable: () => undefined}), {instanceOf: TypeError});
});
