import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {renderProgressLines} from '../../src/cli/progress/renderProgressLines.js';
import {DEFAULT_CONFIG} from '../../src/config/defaults.js';
import {LazyEngine} from '../../src/engine/LazyEngine.js';
import {LlamaEngine} from '../../src/engine/LlamaEngine.js';
import {ExtractionPool} from '../../src/ingest/ExtractionPool.js';
import {ProgressModel} from '../../src/run/progress/ProgressModel.js';
import type {RunEvent} from '../../src/run/RunEvent.js';
import {runBatch} from '../../src/run/runBatch.js';
import {openStore} from '../../src/store/Store.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

test('a real run reports plans, levels and calls that add up: the progress ends exactly at its plan, with the failure counted', async t => {
	const work = createTempDir(t);
	writeFileSync(join(work, 'long.txt'), createProse(260, 5));
	writeFileSync(join(work, 'short.txt'), createProse(3, 6));
	writeFileSync(join(work, 'empty.txt'), '');
	const engine = await LlamaEngine.create({model: await getSyntheticModel('tiny'), gpu: false, threads: 1, contextSize: 512, parallel: 2});
	t.teardown(() => engine.close());
	using store = openStore(join(work, 'p.db'));
	await using pool = new ExtractionPool({limits: DEFAULT_CONFIG.extract, timeoutSeconds: 60, maxMemoryMb: 1024, workers: 1});
	const config = {...DEFAULT_CONFIG, engine: {...DEFAULT_CONFIG.engine, contextSize: 512}, summarize: {...DEFAULT_CONFIG.summarize, maxOutputTokens: 24}};

	const events: RunEvent[] = [];
	const model = new ProgressModel();
	let planBelowDone = 0;
	await runBatch({
		inputs: [work], config, engine: LazyEngine.of(engine), store, pool,
		onEvent: event => {
			events.push(event);
			model.apply(event, performance.now());
			const {calls} = model.snapshot(performance.now());
			if (calls.planned < calls.done) planBelowDone++;
		},
	});

	const long = join(work, 'long.txt');
	const of = <T extends RunEvent['type']>(type: T, path = long) => events.filter((event): event is Extract<RunEvent, {type: T}> => event.type === type && 'path' in event && event.path === path);
	const [planned] = of('document-planned');
	const [done] = of('document-done');
	t.truthy(planned);
	t.truthy(done);
	t.is(of('call-done').filter(call => call.kind === 'map').length, planned!.mapCalls);
	t.is(of('level-added').filter(level => level.kind === 'collapse').length, done!.collapseLevels);
	t.true(done!.collapseLevels >= 1, 'the long document needs a collapse level');
	t.is(of('level-added').filter(level => level.kind === 'reduce').length, 1);
	t.is(of('call-done').length, done!.llmCalls);
	t.deepEqual(of('document-extracted').map(event => event.chars > 0), [true]);
	t.like(of('document-started')[0], {bytes: Buffer.byteLength(createProse(260, 5))});

	t.is(planBelowDone, 0, 'the plan never falls below the work done');
	const snapshot = model.snapshot(performance.now());
	t.like(snapshot, {documents: {total: 3, done: 2, failed: 1, inFlight: 0, waiting: 0}, estimated: false, lanes: []});
	t.is(snapshot.calls.planned, snapshot.calls.done);
	t.is(snapshot.work.planned, snapshot.work.done);
	t.is(snapshot.calls.done, events.filter(event => event.type === 'call-done').length);
	t.regex(renderProgressLines(snapshot)[0]!, / 100% {2}calls (\d+)\/\1 {2}done/);
});
