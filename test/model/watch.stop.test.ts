import test from 'ava';
import Database from 'better-sqlite3';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis, startPrecis} from '../helpers/runPrecis.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

test('SIGTERM in the middle of a burst stops the watcher within seconds, exit 0, leaving no claim and no half-done document', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	for (let index = 0; index < 60; index++) writeFileSync(join(inbox, `d${String(index).padStart(2, '0')}.txt`), createProse(20, 300 + index));
	const pipeline = join(work, 'pipeline.yaml');
	writeFileSync(pipeline, 'name: stop\nsummarize:\n  maxOutputTokens: 64\nengine:\n  threads: 1\n  parallel: 2\n  contextSize: 512\nextract:\n  workers: 1\n');
	const model = await getSyntheticModel('tiny');
	const db = join(work, 'precis.db');
	const {child, done} = startPrecis(['watch', inbox, '--config', pipeline, '--model', model, '--db', db, '--stable-ms', '200', '--json'], {cwd: work});
	t.teardown(() => child.kill('SIGKILL'));
	let stderr = '';
	child.stderr?.on('data', (data: string) => { stderr += data; });
	const deadline = Date.now() + 60_000;
	while ((stderr.match(/^done {4}/gm) ?? []).length < 3 && Date.now() < deadline && child.exitCode === null) await sleep(50);
	t.true((stderr.match(/^done {4}/gm) ?? []).length >= 3, stderr);

	const stopAt = Date.now();
	child.kill('SIGTERM');
	const outcome = await done;
	const stopMs = Date.now() - stopAt;
	t.is(outcome.code, 0, outcome.stderr);
	t.true(stopMs < 15_000, `stopped in ${stopMs} ms`);
	t.log(`stopped in ${stopMs} ms`);
	t.regex(outcome.stderr, /SIGTERM received/);
	t.regex(outcome.stderr, /stopped watching; run \d+: \d+ documents/);
	const totals = JSON.parse(outcome.stdout) as {documents: {done: number; failed: number}};

	const database = new Database(db, {readonly: true});
	t.teardown(() => database.close());
	const rows = database.prepare('SELECT status, claimed_by AS claimedBy FROM documents').all() as Array<{status: string; claimedBy: string | null}>;
	t.true(rows.every(row => row.claimedBy === null), 'every claim released');
	t.false(rows.some(row => row.status === 'running'), 'no document left running');
	const doneRows = rows.filter(row => row.status === 'done').length;
	t.true(doneRows < 60, 'it stopped before the end of the burst');
	t.is(doneRows, (outcome.stderr.match(/^done {4}/gm) ?? []).length, 'every document it logged as done is stored as done');
	t.like(totals, {documents: {done: doneRows, failed: 0}});
	t.is(database.pragma('integrity_check', {simple: true}), 'ok');

	const status = JSON.parse((await runPrecis(['status', '--db', db, '--json'], {cwd: work})).stdout) as {runs: Array<{status: string; documents: {done: number}}>};
	t.like(status.runs[0], {status: 'interrupted', documents: {done: doneRows}});
});
