import test from 'ava';
import Database from 'better-sqlite3';
import {existsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {startLlamaServer} from '../../scripts/testServer/startLlamaServer.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis, startPrecis} from '../helpers/runPrecis.js';
import {createProse, writeSampleDocuments} from '../helpers/writeSampleDocuments.js';

interface Totals {
	llmCalls: number;
	cacheHits: number;
	contextSize: number | null;
	documents: {total: number; done: number; failed: number; skipped: number};
}

function readDatabase<T>(db: string, read: (database: Database.Database) => T, fallback: T): T {
	if (!existsSync(db)) return fallback;
	const database = new Database(db, {readonly: true, fileMustExist: true});
	try {
		return read(database);
	} catch {
		return fallback;
	} finally {
		database.close();
	}
}

const countModelCalls = (db: string): number => readDatabase(db, database => (database.prepare('SELECT count(*) AS n FROM model_calls').get() as {n: number}).n, 0);
const readDocuments = (db: string): Array<{path: string; status: string; summary: string | null}> =>
	readDatabase(db, database => database.prepare('SELECT path, status, summary FROM documents ORDER BY path').all() as Array<{path: string; status: string; summary: string | null}>, []);

test('a run over two llama-servers survives one being killed: every document done once, no call repeated, a rerun makes none and connects only for a new document', async t => {
	t.timeout(40 * 60_000, 'llama-server is built on first use');
	const model = await getSyntheticModel('tiny');
	const servers = [await startLlamaServer({model, contextSize: 512}), await startLlamaServer({model, contextSize: 512})];
	t.teardown(() => Promise.all(servers.map(server => server.stop())));
	t.timeout(8 * 60_000);
	const [first, second] = servers;
	if (first === undefined || second === undefined) throw new Error('two servers expected');

	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	const expected = writeSampleDocuments(inbox);
	for (let index = 0; index < 3; index++) writeFileSync(join(inbox, `extra-${index}.md`), createProse(50, 20 + index));
	const pipeline = join(work, 'pipeline.yaml');
	writeFileSync(pipeline, 'name: scaleout\nsummarize:\n  maxOutputTokens: 48\n');
	const argsFor = (db: string): string[] => [
		'run', inbox, '--config', pipeline, '--db', db, '--json',
		'--engine', 'openai', '--base-url', first.url, '--base-url', second.url, '--tokenizer', model,
	];
	const good = expected.good.length + 3;

	const referenceDb = join(work, 'reference.db');
	const reference = await runPrecis(argsFor(referenceDb), {cwd: work});
	t.is(reference.code, 2, reference.stderr);
	const referenceTotals = JSON.parse(reference.stdout) as Totals;
	t.like(referenceTotals, {contextSize: 512, documents: {total: good + 3, done: good, failed: 3}});
	t.true(referenceTotals.llmCalls >= 10, `enough calls to interrupt (${referenceTotals.llmCalls})`);
	t.regex(reference.stderr, /tokenizer and chat template: .* \(engine\.openai\.tokenizer\)/);

	const db = join(work, 'killed.db');
	const {child, done} = startPrecis(argsFor(db), {cwd: work});
	const target = Math.floor(referenceTotals.llmCalls / 3);
	const deadline = Date.now() + 120_000;
	while (countModelCalls(db) < target && Date.now() < deadline && child.exitCode === null) await sleep(20);
	const callsAtKill = countModelCalls(db);
	await first.stop();
	const outcome = await done;
	t.is(outcome.code, 2, outcome.stderr);
	t.true(callsAtKill >= target && callsAtKill < referenceTotals.llmCalls, `killed after ${callsAtKill} of ${referenceTotals.llmCalls} calls`);
	const totals = JSON.parse(outcome.stdout) as Totals;
	t.log(`${referenceTotals.llmCalls} calls, server ${first.url} killed after ${callsAtKill}; engine log of that run:`, outcome.stderr.split('\n').filter(line => line.startsWith('[openai engine]')).join('\n'));
	t.like(totals, {cacheHits: 0, documents: {total: good + 3, done: good, failed: 3}});
	t.is(totals.llmCalls, referenceTotals.llmCalls, 'no call was made twice');
	t.is(countModelCalls(db), totals.llmCalls, 'one model_calls row per call');
	t.regex(outcome.stderr, new RegExp(`${first.url.replaceAll('.', '\\.')}.*(out of rotation|retry)`));
	for (const name of expected.good) t.true(readDocuments(db).some(row => row.path.endsWith(`/${name}`) && row.status === 'done' && row.summary !== null), name);
	t.deepEqual(readDocuments(db).map(row => [row.path, row.status, row.summary]), readDocuments(referenceDb).map(row => [row.path, row.status, row.summary]), 'the same summaries as the uninterrupted run');

	const rerun = await runPrecis(argsFor(db), {cwd: work});
	t.is(rerun.code, 3, `the 3 documents that failed before still stand (exit 3): ${rerun.stderr}`);
	t.like(JSON.parse(rerun.stdout) as Totals, {llmCalls: 0, contextSize: null, documents: {total: good + 3, done: 0, failed: 0, skipped: good + 3}});
	t.false(rerun.stderr.includes('[openai engine]'), 'with nothing to do, the servers are not even asked');

	writeFileSync(join(inbox, 'late.md'), createProse(5, 40));
	const late = await runPrecis(argsFor(db), {cwd: work});
	t.is(late.code, 3, late.stderr);
	t.like(JSON.parse(late.stdout) as Totals, {contextSize: 512, documents: {total: good + 4, done: 1, skipped: good + 3}});
	t.regex(late.stderr, /does not answer .* it starts out of rotation/);
});
