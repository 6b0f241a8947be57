import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import type {RunResult} from '../../src/run/runBatch.js';
import {countModelCalls} from '../helpers/countModelCalls.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';
import {createProse, writeSampleDocuments} from '../helpers/writeSampleDocuments.js';

/** The pipeline file an operator edits: a text limit and short outputs. */
function writePipeline(file: string, maxTextChars: number): void {
	writeFileSync(file, `name: after-failure\nextract:\n  maxTextChars: ${maxTextChars}\nsummarize:\n  maxOutputTokens: 32\nengine:\n  threads: 1\n  contextSize: 1024\n`);
}

test('E_TOO_LARGE, the limit raised in the pipeline file, a plain rerun: the document is done, and the others cost no new call (fails before: skipped as failed until --force)', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	writeSampleDocuments(inbox);
	const big = join(inbox, 'big.txt');
	writeFileSync(big, createProse(300, 11));
	const pipeline = join(work, 'pipeline.yaml');
	const db = join(work, 'precis.db');
	const model = await getSyntheticModel('tiny');
	const args = ['run', inbox, '--config', pipeline, '--model', model, '--db', db, '--json'];

	writePipeline(pipeline, 12_000);
	const first = await runPrecis(args, {cwd: work});
	t.is(first.code, 2, first.stderr);
	t.regex(first.stderr, /big\.txt.*E_TOO_LARGE|E_TOO_LARGE.*big\.txt/);
	t.regex(first.stderr, /over the limit of 12000; raise extract\.maxTextChars/);
	const callsAfterFirst = countModelCalls(db);
	t.true(callsAfterFirst > 0);

	const unchanged = await runPrecis(args, {cwd: work});
	t.is(unchanged.code, 3, 'failures of an earlier run still stand, and cron can tell');
	t.like(JSON.parse(unchanged.stdout) as RunResult, {llmCalls: 0, documents: {failed: 0, failedBefore: 4}});

	writePipeline(pipeline, 100_000);
	const raised = await runPrecis(args, {cwd: work});
	t.is(raised.code, 3, `the three broken samples still stand: ${raised.stderr}`);
	const totals = JSON.parse(raised.stdout) as RunResult;
	t.like(totals.documents, {total: 7, done: 1, failed: 0, skipped: 6, failedBefore: 3});
	t.true(totals.llmCalls > 0);
	t.is(countModelCalls(db) - callsAfterFirst, totals.llmCalls, 'every new call was for the retried document');

	const exported = await runPrecis(['export', '--db', db, '--format', 'json'], {cwd: work});
	const records = JSON.parse(exported.stdout) as Array<Record<string, unknown>>;
	t.like(records.find(record => record['path'] === big), {status: 'done', error_code: null});
});
