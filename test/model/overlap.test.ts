import test from 'ava';
import Database from 'better-sqlite3';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis, startPrecis} from '../helpers/runPrecis.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

interface Totals {
	runId: number;
	llmCalls: number;
	cacheHits: number;
	documents: {total: number; done: number; failed: number; skipped: number};
}

interface RunRow {
	id: number;
	startedAt: string;
	finishedAt: string | null;
	status: string;
}

const _documents = 20;

/** 20 documents of a few chunks each under a 512-token context, so each takes several model calls. */
function writeInbox(work: string): {inbox: string; pipeline: string} {
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	for (let index = 0; index < _documents; index++) writeFileSync(join(inbox, `doc-${String(index).padStart(2, '0')}.txt`), createProse(24, 100 + index));
	const pipeline = join(work, 'pipeline.yaml');
	writeFileSync(pipeline, 'name: overlap\nsummarize:\n  maxOutputTokens: 24\nengine:\n  threads: 1\n  parallel: 1\n  contextSize: 512\nextract:\n  workers: 1\n');
	return {inbox, pipeline};
}

function readDatabase(db: string) {
	const database = new Database(db, {readonly: true});
	try {
		return {
			integrity: database.pragma('integrity_check', {simple: true}) as string,
			calls: (database.prepare('SELECT count(*) AS n FROM model_calls').get() as {n: number}).n,
			documents: database.prepare('SELECT path, status, llm_calls AS llmCalls, run_id AS runId, claimed_by AS claimedBy FROM documents').all() as Array<{path: string; status: string; llmCalls: number; runId: number; claimedBy: string | null}>,
		};
	} finally {
		database.close();
	}
}

test('two overlapping runs on one database summarize every document exactly once, with the calls of a single run', async t => {
	const work = createTempDir(t);
	const {inbox, pipeline} = writeInbox(work);
	const model = await getSyntheticModel('tiny');
	const argsFor = (db: string): string[] => ['run', inbox, '--config', pipeline, '--model', model, '--db', db, '--json'];

	const single = await runPrecis(argsFor(join(work, 'single.db')), {cwd: work});
	t.is(single.code, 0, single.stderr);
	const singleTotals = JSON.parse(single.stdout) as Totals;
	t.like(singleTotals, {documents: {total: _documents, done: _documents}});
	t.true(singleTotals.llmCalls >= 2 * _documents, `several calls per document (${singleTotals.llmCalls})`);

	// Without a terminal: no bars, no escape codes, one line per document and a summary line.
	const textLines = single.stderr.trimEnd().split('\n');
	t.false(single.stderr.includes('\u001B'), 'no escape codes');
	t.is(textLines.filter(line => line.startsWith('done    ')).length, _documents);
	t.regex(textLines.at(-1) ?? '', /^finished run \d+: 20 documents, 20 done, 0 failed, 0 skipped; \d+ model calls/);
	t.is(textLines.length, _documents + 2, 'a line for discovery, one per document, and the summary');

	const db = join(work, 'shared.db');
	const [first, second] = await Promise.all([
		startPrecis([...argsFor(db), '--log-format', 'json'], {cwd: work}).done,
		startPrecis(argsFor(db), {cwd: work}).done,
	]);
	const jsonLines = first.stderr.trimEnd().split('\n').map(line => JSON.parse(line) as {event: string});
	t.like(jsonLines.at(-1), {event: 'finished', interrupted: false}, 'with --log-format json, every line is a JSON object');
	t.is(first.code, 0, first.stderr);
	t.is(second.code, 0, second.stderr);
	const totals = [JSON.parse(first.stdout) as Totals, JSON.parse(second.stdout) as Totals];
	t.log(`documents done: ${totals.map(total => total.documents.done).join(' + ')}; model calls: ${totals.map(total => total.llmCalls).join(' + ')} (single run: ${singleTotals.llmCalls})`);
	t.is(totals[0]!.documents.done + totals[1]!.documents.done, _documents);
	t.is(totals[0]!.llmCalls + totals[1]!.llmCalls, singleTotals.llmCalls);
	for (const total of totals) {
		t.is(total.documents.failed, 0);
		t.is(total.documents.done + total.documents.skipped, _documents);
	}

	const status = JSON.parse((await runPrecis(['status', '--db', db, '--json'], {cwd: work})).stdout) as {runs: RunRow[]};
	const [later, earlier] = status.runs;
	t.true(later !== undefined && earlier !== undefined && Date.parse(later.startedAt) < Date.parse(earlier.finishedAt ?? ''), 'the two runs overlapped in time');

	const stored = readDatabase(db);
	t.is(stored.integrity, 'ok');
	t.is(stored.calls, singleTotals.llmCalls);
	t.is(stored.documents.length, _documents);
	t.true(stored.documents.every(row => row.status === 'done' && row.claimedBy === null), 'every document done, no claim left behind');
	t.is(stored.documents.reduce((sum, row) => sum + row.llmCalls, 0), singleTotals.llmCalls);
});
