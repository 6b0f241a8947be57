import test from 'ava';
import {appendFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';
import {is, queryDb, sha256Of, startWatcher} from '../helpers/startWatcher.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

test('a watcher reads settled files once, keeps up with a burst beside a cron run, records failures, stops on SIGTERM, and reconciles on restart', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(join(inbox, 'sub'), {recursive: true});
	mkdirSync(join(inbox, '.git'));
	writeFileSync(join(inbox, 'existing.txt'), createProse(6, 1));
	writeFileSync(join(inbox, 'sub', 'nested.md'), `# Nested\n\n${createProse(4, 2)}`);
	for (const ignored of ['.hidden.txt', '~$draft.docx', 'movie.part', 'file.crdownload', 'scratch.tmp', '.git/notes.txt']) writeFileSync(join(inbox, ignored), 'not for summarizing');
	const pipeline = join(work, 'pipeline.yaml');
	writeFileSync(pipeline, 'name: watched\nsummarize:\n  maxOutputTokens: 16\nengine:\n  threads: 1\n  parallel: 1\n  contextSize: 512\nextract:\n  workers: 1\n');
	const model = await getSyntheticModel('tiny');
	const db = join(work, 'precis.db');
	const common = ['--config', pipeline, '--model', model, '--db', db];
	const watcher = startWatcher([inbox, ...common, '--stable-ms', '1000'], work);
	t.teardown(() => watcher.child.kill('SIGKILL'));

	await watcher.waitFor('the initial scan', event => event.event === 'watching');
	await watcher.waitFor('the files already there', event => event.event === 'done', 2);

	// A file written in pieces, each within the settle time of the last: read once, complete.
	const pieces = join(inbox, 'pieces.txt');
	writeFileSync(pieces, '');
	for (let piece = 0; piece < 6; piece++) {
		appendFileSync(pieces, `${createProse(2, 20 + piece)}\n\n`);
		await sleep(200);
	}
	await watcher.waitFor('pieces.txt', is('done', 'pieces.txt'));

	writeFileSync(join(inbox, 'bad.pdf'), '%PDF-1.4\nnot really a PDF\n');
	await watcher.waitFor('bad.pdf to fail', is('failed', 'bad.pdf'));

	// A burst of 200 files, with a cron-style run over the same folder at the same time.
	mkdirSync(join(inbox, 'burst'));
	for (let index = 0; index < 200; index++) writeFileSync(join(inbox, 'burst', `b${String(index).padStart(3, '0')}.txt`), `Item ${index}. ${createProse(1, 1000 + index)}`);
	const cron = await runPrecis(['run', inbox, ...common, '--json'], {cwd: work});
	t.is(cron.code, 3, `bad.pdf, failed under the watcher, still stands and the cron run says so: ${cron.stderr}`);
	const cronTotals = JSON.parse(cron.stdout) as {llmCalls: number; documents: {done: number; skipped: number; failedBefore: number}};
	t.is(cronTotals.documents.failedBefore, 1);
	const burstDone = (): number => queryDb<{n: number}>(db, `SELECT count(*) AS n FROM documents WHERE path LIKE '%/burst/%' AND status = 'done'`)[0]?.n ?? 0;
	const burstDeadline = Date.now() + 90_000;
	while (burstDone() < 200 && Date.now() < burstDeadline) await sleep(200);
	t.is(burstDone(), 200, 'every file of the burst is done');
	try {
		await watcher.waitFor('the watcher to have seen the whole burst', event => (event.path ?? '').includes('/burst/'), 200, 30_000);
	} catch (error) {
		const seen = new Set(watcher.events.map(event => event.path));
		const missing = Array.from({length: 200}, (_, index) => join(inbox, 'burst', `b${String(index).padStart(3, '0')}.txt`)).filter(path => !seen.has(path));
		t.log('missing', missing.length, missing.slice(0, 5), queryDb(db, `SELECT path, status, claimed_by, run_id FROM documents WHERE path = '${missing[0]}'`));
		throw error;
	}
	t.is(watcher.count(event => event.event === 'done' && (event.path ?? '').includes('/burst/')) + cronTotals.documents.done, 200, 'each burst file summarized once, by the watcher or the cron run');

	// A changed file is summarized again; an unchanged touch costs no model call.
	const existing = join(inbox, 'existing.txt');
	const oldSha = sha256Of(existing);
	writeFileSync(existing, createProse(6, 99));
	await watcher.waitFor('the changed file', is('done', 'existing.txt'), 2);
	const runCalls = (): number => queryDb<{n: number}>(db, `SELECT llm_calls AS n FROM runs WHERE pid = ${watcher.child.pid ?? 0}`)[0]?.n ?? -1;
	const callsBefore = runCalls();
	const now = new Date();
	utimesSync(existing, now, now);
	writeFileSync(join(inbox, 'sub', 'nested.md'), readFileSync(join(inbox, 'sub', 'nested.md')));
	await watcher.waitFor('the touched files', event => event.event === 'skipped' && event['reason'] === 'unchanged' && /existing\.txt$|nested\.md$/.test(event.path ?? ''), 2);
	t.is(runCalls(), callsBefore, 'an unchanged touch makes no model call');

	const status = JSON.parse((await runPrecis(['status', '--db', db, '--json'], {cwd: work})).stdout) as {documents: Record<string, number>; documentsWithWarnings: number; runs: Array<Record<string, unknown>>};
	t.true(status.runs.some(run => run['status'] === 'running'), 'the watcher\'s run shows as running');
	const records = JSON.parse((await runPrecis(['export', '--db', db, '--format', 'json'], {cwd: work})).stdout) as Array<Record<string, unknown>>;
	const withWarnings = records.filter(row => Array.isArray(row['warnings']) && row['warnings'].length > 0).length;
	t.deepEqual(status.documents, {total: 204, done: 203, failed: 1, pending: 0, needsReview: 203}, 'gibberish summaries need review');
	t.is(status.documentsWithWarnings, withWarnings, 'the export shows the documents with warnings');
	const record = (name: string) => records.find(row => String(row['path']).endsWith(`/${name}`));
	t.like(record('pieces.txt'), {status: 'done', sha256: sha256Of(pieces)});
	t.like(record('existing.txt'), {status: 'done', sha256: sha256Of(existing)});
	t.not(sha256Of(existing), oldSha);
	t.like(record('bad.pdf'), {status: 'failed', error_code: 'E_PARSE_FAILED'});
	t.false(records.some(row => /\.hidden|~\$|\.part$|\.crdownload$|\.tmp$|\.git\/|\.png$/.test(String(row['path']))), 'ignored files are never read');
	t.is(watcher.count(is('done', 'pieces.txt')) + watcher.count(is('skipped', 'pieces.txt')) + watcher.count(is('failed', 'pieces.txt')), 1, 'the file written in pieces was read once');

	t.log(`rescans found ${watcher.events.filter(event => event.event === 'rescan-found').map(event => event['files']).join(', ') || 'nothing'}`);
	const stopAt = Date.now();
	watcher.child.kill('SIGTERM');
	const outcome = await watcher.done;
	t.is(outcome.code, 0, outcome.stderr);
	t.true(Date.now() - stopAt < 10_000, `stopped in ${Date.now() - stopAt} ms`);
	t.like(watcher.events.at(-1), {event: 'stopped'});

	const [{n: storedCalls}] = queryDb<{n: number}>(db, 'SELECT count(*) AS n FROM model_calls') as [{n: number}];
	const [{n: runsCalls}] = queryDb<{n: number}>(db, 'SELECT sum(llm_calls) AS n FROM runs') as [{n: number}];
	t.is(runsCalls, storedCalls, 'no model call was made twice, across the watcher and the cron run');
	t.deepEqual(queryDb(db, 'PRAGMA integrity_check'), [{integrity_check: 'ok'}]);

	// Restarted, a watcher reconciles: only what is new or changed since is summarized.
	writeFileSync(join(inbox, 'new.txt'), createProse(3, 7));
	writeFileSync(join(inbox, 'sub', 'nested.md'), `# Nested again\n\n${createProse(4, 8)}`);
	const restarted = startWatcher([inbox, ...common, '--stable-ms', '300'], work);
	t.teardown(() => restarted.child.kill('SIGKILL'));
	await restarted.waitFor('the reconciliation', event => event.event === 'done' || event.event === 'skipped' || event.event === 'failed', 205);
	t.deepEqual(restarted.events.filter(event => event.event === 'done').map(event => event.path).sort(), [join(inbox, 'new.txt'), join(inbox, 'sub', 'nested.md')]);
	t.is(restarted.count(event => event.event === 'skipped' && event['reason'] === 'unchanged'), 202);
	t.is(restarted.count(is('skipped', 'bad.pdf')), 1, 'a permanent failure is not retried until the file changes');
	restarted.child.kill('SIGTERM');
	t.is((await restarted.done).code, 0);
});
