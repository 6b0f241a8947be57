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

interface Totals {
	llmCalls: number;
	cacheHits: number;
	documents: {total: number; done: number; failed: number; skipped: number};
}

function readSummaries(db: string): Map<string, string | null> {
	const database = new Database(db, {readonly: true});
	try {
		const rows = database.prepare('SELECT path, summary FROM documents ORDER BY path').all() as Array<{path: string; summary: string | null}>;
		return new Map(rows.map(row => [row.path, row.summary]));
	} finally {
		database.close();
	}
}

test('a run killed with SIGKILL resumes without repeating committed calls and ends as an uninterrupted run would', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	for (let index = 0; index < 4; index++) writeFileSync(join(inbox, `report-${index}.txt`), createProse(60, 10 + index));
	const pipeline = join(work, 'pipeline.yaml');
	// One sequence: llama.cpp's logits depend slightly on how sequences share a batch, which under
	// load can flip a near-tie of the random model; alone on its sequence, greedy decoding is exact.
	writeFileSync(pipeline, 'name: crash\nsummarize:\n  maxOutputTokens: 64\nengine:\n  threads: 1\n  parallel: 1\n  contextSize: 512\n');
	const model = await getSyntheticModel('tiny');
	const argsFor = (db: string): string[] => ['run', inbox, '--config', pipeline, '--model', model, '--db', db, '--json'];

	const referenceDb = join(work, 'reference.db');
	const reference = await runPrecis(argsFor(referenceDb), {cwd: work});
	t.is(reference.code, 0, reference.stderr);
	const referenceTotals = JSON.parse(reference.stdout) as Totals;
	t.true(referenceTotals.llmCalls >= 12, `enough calls to interrupt (${referenceTotals.llmCalls})`);

	const db = join(work, 'crashed.db');
	const {child, done} = startPrecis(argsFor(db), {cwd: work});
	const target = Math.floor(referenceTotals.llmCalls / 2);
	const deadline = Date.now() + 120_000;
	while (countModelCalls(db) < target && Date.now() < deadline && child.exitCode === null) await sleep(20);
	child.kill('SIGKILL');
	const killed = await done;
	t.is(killed.signal, 'SIGKILL', 'the run was killed part-way, not finished');
	const committed = countModelCalls(db);
	t.true(committed >= target && committed < referenceTotals.llmCalls, `committed ${committed} of ${referenceTotals.llmCalls}`);

	const resumed = await runPrecis(argsFor(db), {cwd: work});
	t.is(resumed.code, 0, resumed.stderr);
	const resumedTotals = JSON.parse(resumed.stdout) as Totals;
	t.is(resumedTotals.llmCalls, referenceTotals.llmCalls - committed, 'only calls not committed before the kill are made again');
	t.is(resumedTotals.documents.done + resumedTotals.documents.skipped, 4);
	t.deepEqual(readSummaries(db), readSummaries(referenceDb), 'the same summaries as an uninterrupted run');

	const database = new Database(db, {readonly: true});
	t.teardown(() => database.close());
	t.is(database.pragma('integrity_check', {simple: true}), 'ok');
});
