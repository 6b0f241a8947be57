import test, {type ExecutionContext} from 'ava';
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';
import {is, queryDb, sha256Of, startWatcher} from '../helpers/startWatcher.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

interface Layout {
	work: string;
	inbox: string;
	/** A private folder beside the inbox: nothing of it may reach the database or a report. */
	outside: string;
	db: string;
	common: string[];
}

/** An inbox with one document, a private folder beside it, and the CLI arguments for a tiny-model run. */
async function createLayout(t: ExecutionContext): Promise<Layout> {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	const outside = join(work, 'private');
	mkdirSync(join(inbox, 'sub'), {recursive: true});
	mkdirSync(join(outside, 'folder'), {recursive: true});
	writeFileSync(join(inbox, 'a.txt'), createProse(6, 1));
	writeFileSync(join(outside, 'secret.txt'), `PRIVATE ${createProse(3, 2)}`, {mode: 0o600});
	writeFileSync(join(outside, 'folder', 'inner.txt'), `PRIVATE ${createProse(3, 3)}`, {mode: 0o600});
	const pipeline = join(work, 'pipeline.yaml');
	writeFileSync(pipeline, 'name: guarded\nsummarize:\n  maxOutputTokens: 16\nengine:\n  threads: 1\n  parallel: 1\n  contextSize: 512\nextract:\n  workers: 1\n');
	const db = join(work, 'precis.db');
	return {work, inbox, outside, db, common: ['--config', pipeline, '--model', await getSyntheticModel('tiny'), '--db', db]};
}

/** Asserts that no row of the database and no exported record holds a private file's path or bytes. */
async function assertNothingOutside(t: ExecutionContext, layout: Layout): Promise<void> {
	const privateHashes = ['secret.txt', 'folder/inner.txt'].map(name => sha256Of(join(layout.outside, name)));
	const rows = queryDb<{path: string; sha256: string | null}>(layout.db, 'SELECT path, sha256 FROM documents');
	t.false(rows.some(row => row.path.startsWith(layout.outside) || privateHashes.includes(row.sha256 ?? '')), JSON.stringify(rows));
	t.is(queryDb<{n: number}>(layout.db, `SELECT count(*) AS n FROM chunks WHERE sha256 IN ('${privateHashes.join("','")}')`)[0]?.n, 0);
	t.false(readFileSync(layout.db).includes(layout.outside), 'the private folder is not named in the database');
	const exported = await runPrecis(['export', '--db', layout.db, '--format', 'json'], {cwd: layout.work});
	t.is(exported.code, 0, exported.stderr);
	t.false(exported.stdout.includes(layout.outside) || privateHashes.some(hash => exported.stdout.includes(hash)), 'no export names or hashes a private file');
}

test('precis run: links to a file and a folder outside the inbox, a broken link and a FIFO are refused and counted by reason; links inside are read once; a loop ends', async t => {
	const layout = await createLayout(t);
	const {inbox, outside} = layout;
	symlinkSync(join(outside, 'secret.txt'), join(inbox, 'report.txt'));
	symlinkSync(join(outside, 'folder'), join(inbox, 'shared'));
	symlinkSync('../a.txt', join(inbox, 'sub', 'again.txt'));
	symlinkSync(inbox, join(inbox, 'sub', 'loop'));
	symlinkSync('nowhere.txt', join(inbox, 'broken.txt'));
	execFileSync('mkfifo', [join(inbox, 'pipe.txt')]);

	const run = await runPrecis(['run', inbox, ...layout.common, '--json', '--log-format', 'json'], {cwd: layout.work});
	t.is(run.code, 0, run.stderr);
	t.like(JSON.parse(run.stdout), {documents: {total: 5, done: 1, failed: 0, skipped: 4}});
	t.deepEqual(queryDb(layout.db, 'SELECT path, status FROM documents'), [{path: join(inbox, 'a.txt'), status: 'done'}], 'the inside link is read once, as its target');
	t.deepEqual(queryDb(layout.db, 'SELECT path, reason FROM refused_inputs ORDER BY path'), [
		{path: join(inbox, 'broken.txt'), reason: 'broken-link'},
		{path: join(inbox, 'pipe.txt'), reason: 'special-file'},
		{path: join(inbox, 'report.txt'), reason: 'outside-inputs'},
		{path: join(inbox, 'shared'), reason: 'outside-inputs'},
	]);
	const status = await runPrecis(['status', '--db', layout.db, '--json'], {cwd: layout.work});
	t.like(JSON.parse(status.stdout), {refused: {byReason: {'outside-inputs': 2, 'broken-link': 1, 'special-file': 1}}});
	t.regex((await runPrecis(['status', '--db', layout.db], {cwd: layout.work})).stdout, /refused inputs \(not read\): 1 broken-link, 2 outside-inputs, 1 special-file/);
	await assertNothingOutside(t, layout);

	// The same link named on the command line is read, as the user asked.
	const named = await runPrecis(['run', join(inbox, 'report.txt'), ...layout.common, '--json'], {cwd: layout.work});
	t.is(named.code, 0, named.stderr);
	t.like(JSON.parse(named.stdout), {documents: {done: 1}});
});

test('precis watch: links out of the inbox and a FIFO dropped in are refused once and the watcher goes on; a file swapped for a link after it settled is not read', async t => {
	const layout = await createLayout(t);
	const {inbox, outside} = layout;
	// Two long documents keep both of the watcher's lanes busy while the race below is set up.
	writeFileSync(join(inbox, 'long1.txt'), createProse(400, 11));
	writeFileSync(join(inbox, 'long2.txt'), createProse(400, 12));
	const watcher = startWatcher([inbox, ...layout.common, '--stable-ms', '300'], layout.work);
	t.teardown(() => watcher.child.kill('SIGKILL'));
	await watcher.waitFor('the initial scan', event => event.event === 'watching');

	writeFileSync(join(inbox, 'race.txt'), createProse(2, 5));
	await sleep(2000);
	t.is(watcher.count(event => event.event === 'done' && /long\d\.txt$/.test(event.path ?? '')), 0, 'the long documents still hold the lanes, so race.txt settled and waits to be read');
	rmSync(join(inbox, 'race.txt'));
	symlinkSync(join(outside, 'secret.txt'), join(inbox, 'race.txt'));
	await watcher.waitFor('race.txt to be refused', event => is('skipped', 'race.txt')(event) && event['reason'] === 'outside-inputs', 1, 120_000);

	symlinkSync(join(outside, 'secret.txt'), join(inbox, 'report.txt'));
	symlinkSync(join(outside, 'folder'), join(inbox, 'shared'));
	execFileSync('mkfifo', [join(inbox, 'pipe.txt')]);
	symlinkSync('../a.txt', join(inbox, 'sub', 'again.txt'));
	await watcher.waitFor('the links and the FIFO to be refused', event => event.event === 'skipped' && /report\.txt$|shared$|pipe\.txt$/.test(event.path ?? ''), 3);
	writeFileSync(join(inbox, 'after.txt'), createProse(3, 6));
	await watcher.waitFor('a file written after the FIFO', is('done', 'after.txt'), 1, 120_000);
	// Rescans walk the inbox again; a refused path is reported once.
	await sleep(1500);
	for (const name of ['race.txt', 'report.txt', 'shared', 'pipe.txt']) t.is(watcher.count(is('skipped', name)), 1, `${name} reported once`);
	t.like(watcher.events.find(is('skipped', 'pipe.txt')), {reason: 'special-file'});
	t.is(watcher.count(event => event.event === 'done' && /a\.txt$|again\.txt$/.test(event.path ?? '')), 1, 'the link inside the inbox is not summarized a second time');

	watcher.child.kill('SIGTERM');
	t.is((await watcher.done).code, 0);
	t.deepEqual(queryDb<{path: string}>(layout.db, 'SELECT path FROM documents ORDER BY path').map(row => row.path),
		['a.txt', 'after.txt', 'long1.txt', 'long2.txt'].map(name => join(inbox, name)));
	await assertNothingOutside(t, layout);
});
