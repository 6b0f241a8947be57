import test from 'ava';
import Database from 'better-sqlite3';
import {copyFileSync, mkdirSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

interface Totals {
	llmCalls: number;
	contextSize: number | null;
	documents: {total: number; done: number; failed: number; skipped: number};
}

test('a rerun over unchanged documents never loads the model; a model that cannot load stops the run and loses nothing', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	writeFileSync(join(inbox, 'a.txt'), createProse(6, 31));
	writeFileSync(join(inbox, 'b.txt'), createProse(6, 32));
	const model = join(work, 'model.gguf');
	copyFileSync(await getSyntheticModel('tiny'), model);
	const db = join(work, 'p.db');
	const pipeline = join(work, 'pipeline.yaml');
	writeFileSync(pipeline, 'name: lazy\nengine:\n  threads: 1\n  contextSize: 512\nsummarize:\n  maxOutputTokens: 16\n');
	const args = ['run', inbox, '--config', pipeline, '--model', model, '--db', db, '--json'];

	const first = await runPrecis(args, {cwd: work});
	t.is(first.code, 0, first.stderr);
	t.like(JSON.parse(first.stdout) as Totals, {contextSize: 512, documents: {total: 2, done: 2}});

	const rerun = await runPrecis(args, {cwd: work});
	t.is(rerun.code, 0, rerun.stderr);
	t.like(JSON.parse(rerun.stdout) as Totals, {llmCalls: 0, contextSize: null, documents: {total: 2, skipped: 2}}, 'contextSize null: the engine was never loaded');

	// Same path, other bytes: a different model, so both documents need it, and it cannot load.
	truncateSync(model, 4096);
	const broken = await runPrecis(args, {cwd: work});
	t.is(broken.code, 1, broken.stderr);
	t.regex(broken.stderr, /E_MODEL_LOAD/);
	t.false(broken.stderr.includes('    at '), 'no stack trace');

	const database = new Database(db, {readonly: true});
	t.teardown(() => database.close());
	const statuses = database.prepare('SELECT status FROM runs ORDER BY id').pluck().all();
	t.deepEqual(statuses, ['done', 'done', 'failed']);
	const done = database.prepare("SELECT count(*) FROM documents WHERE status = 'done' AND summary IS NOT NULL").pluck().get();
	t.is(done, 2, 'the summaries of the earlier run are kept');
});
