import test from 'ava';
import Database from 'better-sqlite3';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {countModelCalls} from '../helpers/countModelCalls.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis, startPrecis} from '../helpers/runPrecis.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

test('SIGTERM stops a run within seconds, closes the database cleanly, and the next run finishes the work', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	for (let index = 0; index < 6; index++) writeFileSync(join(inbox, `doc-${index}.txt`), createProse(50, 40 + index));
	const pipeline = join(work, 'p.yaml');
	writeFileSync(pipeline, 'summarize:\n  maxOutputTokens: 64\nengine:\n  threads: 1\n  contextSize: 512\n');
	const model = await getSyntheticModel('tiny');
	const db = join(work, 'p.db');
	const args = ['run', inbox, '--config', pipeline, '--model', model, '--db', db, '--json'];

	const {child, done} = startPrecis(args, {cwd: work});
	while (countModelCalls(db) < 3 && child.exitCode === null) await sleep(20);
	const signalledAt = Date.now();
	child.kill('SIGTERM');
	const stopped = await done;
	t.true(Date.now() - signalledAt < 15_000, 'stopped within seconds');
	t.is(stopped.code, 130, 'an interrupted run has its own exit code: neither finished nor "could not proceed"');
	t.regex(stopped.stderr, /SIGTERM received/);
	t.regex(stopped.stderr, /interrupted run/);

	const status = await runPrecis(['status', '--db', db, '--json'], {cwd: work});
	const parsed = JSON.parse(status.stdout) as {runs: Array<{status: string}>; documents: {done: number; pending: number}};
	t.is(parsed.runs[0]?.status, 'interrupted');
	t.true(parsed.documents.done < 6);

	const database = new Database(db, {readonly: true});
	t.is(database.pragma('integrity_check', {simple: true}), 'ok');
	database.close();

	const resumed = await runPrecis(args, {cwd: work});
	t.is(resumed.code, 0, resumed.stderr);
	const totals = JSON.parse(resumed.stdout) as {documents: {done: number; skipped: number}};
	t.is(totals.documents.done + totals.documents.skipped, 6);
});
