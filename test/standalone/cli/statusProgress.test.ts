import {join} from 'node:path';
import test from 'ava';
import {renderProgressLines} from '../../../src/cli/progress/renderProgressLines.js';
import type {ProgressSnapshot} from '../../../src/run/progress/ProgressSnapshot.js';
import {openStore} from '../../../src/store/Store.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runPrecis} from '../../helpers/runPrecis.js';

const snapshot: ProgressSnapshot = {
	at: Date.now(),
	documents: {total: 6, done: 1, failed: 1, skipped: 0, inFlight: 2, waiting: 2},
	open: false,
	calls: {done: 40, planned: 300},
	work: {done: 60_000, planned: 450_000},
	estimated: true,
	etaSeconds: 3000,
	outputTokensPerSecond: 12.5,
	outputWeight: 4,
	lanes: [{name: 'lcet10.txt', phase: 'map', level: 0, done: 37, total: 168}, {name: 'alice29.txt', phase: 'collapse', level: 1, done: 2, total: 5}],
};

test('precis status shows a live run\'s saved progress as the run\'s terminal does, and not once the run is over', async t => {
	const db = join(createTempDir(t), 'p.db');
	// This test's process owns the run, so the run is live.
	const runId = (() => {
		using store = openStore(db);
		const id = store.startRun({pipeline: 'p', configHash: 'c'});
		store.saveRunProgress(id, JSON.stringify(snapshot));
		return id;
	})();
	const text = await runPrecis(['status', '--db', db]);
	t.is(text.code, 0, text.stderr);
	const shown = text.stdout.split('\n');
	const header = shown.indexOf(`run ${runId} in progress:`);
	t.not(header, -1, text.stdout);
	t.deepEqual(shown.slice(header + 2, header + 5), renderProgressLines(snapshot).slice(1));
	t.regex(shown[header + 1]!, /^ work {6}\[####\.+\] +13% {2}calls 40\/~300 {2}ETA (49|50)m\d\ds {2}12\.5 output tok\/s$/);

	const json = await runPrecis(['status', '--db', db, '--json']);
	const live = (JSON.parse(json.stdout) as {live: Array<Record<string, unknown>>}).live;
	t.like(live[0], {runId, calls: {done: 40, planned: 300}, documents: {inFlight: 2}, percent: 13.3});
	t.true(Number(live[0]?.['etaSeconds']) <= 3000);

	{
		using store = openStore(db);
		store.finishRun(runId, 'done');
	}
	const after = await runPrecis(['status', '--db', db]);
	t.false(after.stdout.includes('in progress'));
});
