import test from 'ava';
import Database from 'better-sqlite3';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {RunResult} from '../../src/run/runBatch.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {corpusDir, hasCorpus} from '../helpers/readCorpusManifest.js';
import {runPrecis} from '../helpers/runPrecis.js';
import {writeSampleDocuments} from '../helpers/writeSampleDocuments.js';

/** What `precis run --json` prints. */
type RunTotals = Omit<RunResult, 'interrupted'>;

/** A pipeline file with short outputs, so the tiny model finishes fast. */
function writePipeline(folder: string, maxOutputTokens: number): string {
	const file = join(folder, 'test-pipeline.yaml');
	writeFileSync(file, `name: e2e\nsummarize:\n  maxOutputTokens: ${maxOutputTokens}\nengine:\n  threads: 1\n`);
	return file;
}

test('a run over good and broken documents records every outcome, and a rerun makes no model call', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	const expected = writeSampleDocuments(inbox);
	const model = await getSyntheticModel('tiny');
	const db = join(work, 'precis.db');
	const args = ['run', inbox, '--config', writePipeline(work, 48), '--model', model, '--db', db, '--context-size', '1024', '--parallel', '2', '--json'];

	const first = await runPrecis(args, {cwd: work});
	t.is(first.code, 2, first.stderr);
	t.false(first.stderr.includes('    at '), 'no stack traces for bad documents');
	const totals = JSON.parse(first.stdout) as RunTotals;
	t.like(totals, {documents: {total: 6, done: 3, failed: 3, skipped: 0}, contextSize: 1024, cacheHits: 0});
	t.true(totals.llmCalls > 3, 'the long report needs map calls and a reduce');
	t.true(totals.maxPromptTokens > 0 && totals.maxPromptTokens + 48 <= 1024);

	const exported = await runPrecis(['export', '--db', db, '--format', 'json'], {cwd: work});
	t.is(exported.code, 0, exported.stderr);
	const records = JSON.parse(exported.stdout) as Array<Record<string, unknown>>;
	for (const name of expected.good) {
		const record = records.find(row => String(row['path']).endsWith(`/${name}`));
		t.like(record, {status: 'done', error_code: null}, name);
		t.true(typeof record?.['summary'] === 'string' && record['summary'].length > 0, name);
		t.true(Number(record?.['prompt_tokens']) > 0 && Number(record?.['output_tokens']) > 0, name);
	}
	for (const [name, code] of Object.entries(expected.bad)) {
		const record = records.find(row => String(row['path']).endsWith(`/${name}`));
		t.like(record, {status: 'failed', error_code: code, summary: null}, name);
		t.true(String(record?.['error_message']).includes(name), `${name}: the message names the file`);
	}

	const second = await runPrecis(args, {cwd: work});
	t.is(second.code, 3, `the failures of the first run still stand, and the exit code says so: ${second.stderr}`);
	t.like(JSON.parse(second.stdout) as RunTotals, {llmCalls: 0, documents: {total: 6, done: 0, failed: 0, skipped: 6, failedBefore: 3}});
	t.regex(second.stderr, /6 skipped \(3 of them failed before and are still failed/);

	const status = await runPrecis(['status', '--db', db, '--json'], {cwd: work});
	const parsed = JSON.parse(status.stdout) as {documents: Record<string, number>; documentsWithWarnings: number; runs: Array<Record<string, unknown>>};
	const withWarnings = records.filter(record => Array.isArray(record['warnings']) && record['warnings'].length > 0).length;
	t.deepEqual(parsed.documents, {total: 6, done: 3, failed: 3, pending: 0, needsReview: 3});
	t.is(parsed.documentsWithWarnings, withWarnings, 'the documents with warnings are those the export shows with them');
	t.like(parsed.runs[0], {status: 'done', llmCalls: 0});
	t.like(parsed.runs[1], {status: 'done', llmCalls: totals.llmCalls});

	const database = new Database(db, {readonly: true});
	t.teardown(() => database.close());
	t.is(database.pragma('integrity_check', {simple: true}), 'ok');
});

/** Declared skipped, not passed, where the shared corpus is absent. */
const corpusTest = hasCorpus ? test : test.skip;

corpusTest('a long document under a 1024-token context collapses over several levels and every prompt fits', async t => {
	const corpusFile = join(corpusDir, 'text', 'alice29.txt');
	const work = createTempDir(t);
	const model = await getSyntheticModel('tiny');
	const result = await runPrecis(['run', corpusFile, '--config', writePipeline(work, 200), '--model', model, '--db', join(work, 'p.db'), '--context-size', '1024', '--json', '--log-format', 'json'], {cwd: work});
	t.is(result.code, 0, result.stderr);
	const totals = JSON.parse(result.stdout) as RunTotals;
	t.true(totals.maxPromptTokens + 200 <= 1024, `largest prompt ${totals.maxPromptTokens}`);
	const done = result.stderr.split('\n').filter(line => line.startsWith('{')).map(line => JSON.parse(line) as Record<string, unknown>).find(event => event['event'] === 'done');
	t.truthy(done, result.stderr);
	t.true(Number(done?.['collapseLevels']) >= 2, `collapse levels: ${String(done?.['collapseLevels'])}`);
	t.is(totals.llmCalls, Number(done?.['llmCalls']));
});
