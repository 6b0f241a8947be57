import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {openStore} from '../../../src/store/Store.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

const breakExtractionProcesses = fileURLToPath(new URL('../../helpers/breakExtractionProcesses.cjs', import.meta.url));

// Serial: NODE_OPTIONS is this test process's environment, which the extraction processes inherit.
test.serial('extraction processes that cannot start stop the run with the reason and record nothing against the documents; a rerun once fixed does them (fails before: every document failed for good as "corrupt")', async t => {
	const work = createTempDir(t);
	const db = join(work, 'precis.db');
	const inbox = join(work, 'inbox');
	const paths = [0, 1, 2].map(index => join(inbox, `doc-${index}.txt`));
	mkdirSync(inbox);
	for (const [index, path] of paths.entries()) writeFileSync(path, createProse(5, index + 1));
	const before = process.env['NODE_OPTIONS'];
	process.env['NODE_OPTIONS'] = `--require=${breakExtractionProcesses}`;
	try {
		const error = await t.throwsAsync(runScriptedBatch(t, {engine: new ScriptedEngine({contextSize: 2048}), db, inputs: [inbox]}), {code: 'E_CONFIG_INVALID'});
		t.regex(error?.message ?? '', /^precis's extraction processes could not start \(exit code 1: Error: a module failed to load \(broken by the test\)\); .*reinstall it/);
	} finally {
		if (before === undefined) delete process.env['NODE_OPTIONS'];
		else process.env['NODE_OPTIONS'] = before;
	}
	const store = openStore(db);
	t.teardown(() => store.close());
	t.is(store.getStatus().runs[0]?.status, 'failed');
	// Documents the run reached are back to pending, unclaimed and with no failure; the others were never taken.
	const rows = paths.map(path => store.getDocument(path));
	t.true(rows.some(row => row !== undefined), 'the run reached the documents');
	for (const row of rows) if (row !== undefined) t.like(row, {status: 'pending', errorCode: null, claimedBy: null});

	const {result} = await runScriptedBatch(t, {engine: new ScriptedEngine({contextSize: 2048}), db, inputs: [inbox]});
	t.is(result.documents.done, paths.length);
});
