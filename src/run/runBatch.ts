import PQueue from 'p-queue';
import type {ResolvedConfig} from '../config/schema.js';
import type {Engine} from '../engine/Engine.js';
import type {LazyEngine} from '../engine/LazyEngine.js';
import {toError} from '../errors.js';
import {createInputGuard} from '../ingest/createInputGuard.js';
import {discoverFiles} from '../ingest/discoverFiles.js';
import type {ExtractionPool} from '../ingest/ExtractionPool.js';
import type {Store} from '../store/Store.js';
import type {DocumentWork} from './DocumentWork.js';
import {assertFieldsFit} from './extractDocumentFields.js';
import {getSettingsKeys} from './getSettingsKeys.js';
import {LeaseKeeper, type LeaseKeeperOptions} from './LeaseKeeper.js';
import {processDocument} from './processDocument.js';
import {statFileSizes} from './progress/statFileSizes.js';
import {recordRefusedInput} from './recordRefusedInput.js';
import type {RunEvent} from './RunEvent.js';
import type {RunResult} from './RunResult.js';
import {RunStop} from './RunStop.js';
import {RunTally} from './RunTally.js';
import {startLanes} from './startLanes.js';

export type {RunResult} from './RunResult.js';

export interface RunBatchOptions {
	/** Files, folders or globs to discover; ignored when `source` is given. */
	inputs: readonly string[];
	/**
	 * Paths to summarize as they come, instead of discovering `inputs` (a watcher's feed, keeping one
	 * run open). Pulled by several lanes at once; it must end once `signal` aborts.
	 */
	source?: AsyncIterable<string>;
	config: Pick<ResolvedConfig, 'name' | 'discover' | 'chunk' | 'summarize' | 'verify' | 'fields' | 'questions'> & {engine: Pick<ResolvedConfig['engine'], 'contextSize' | 'maxContextSize'>};
	/** Loaded when the first document needs a model call: a run over unchanged documents never loads it. */
	engine: LazyEngine;
	store: Store;
	pool: ExtractionPool;
	/** Summarize again even when unchanged, extracting every text and making every model call again, replacing the stored ones. */
	force?: boolean;
	/** Summarize again every document that failed before, whatever the failure, keeping cached calls. */
	retryFailed?: boolean;
	/** Stops intake when aborted; calls in flight get `graceMs` to finish, then are abandoned. */
	signal?: AbortSignal;
	/** @default 5000 */
	graceMs?: number;
	/** Lease timing (tests shorten it). */
	lease?: Pick<LeaseKeeperOptions, 'staleAfterMs' | 'heartbeatMs'>;
	onEvent?: (event: RunEvent) => void;
}

/**
 * Summarizes every document under `inputs`, streaming them through extraction and the model: a
 * few documents are in flight at once, model calls of earlier documents go first, and every call
 * and outcome is committed at once. A failing document is recorded and the run goes on; a run error
 * (the engine cannot load, the database stays locked) stops the run, waits for every document in
 * flight to be put back, records the run as failed and is thrown.
 */
export async function runBatch(options: RunBatchOptions): Promise<RunResult> {
	const {store, pool, config} = options;
	const startedAt = performance.now();
	const engineId = options.engine.knownId ?? (await options.engine.load()).id;
	const keys = getSettingsKeys({engineId, config, extraction: pool.settings});
	const runId = store.startRun({pipeline: config.name, configHash: keys.summaryKey});
	const tally = new RunTally(runId, options.engine.loaded?.contextSize ?? null, store, event => options.onEvent?.(event));
	tally.emit({type: 'run-started', runId});
	const stop = new RunStop(options.signal, options.graceMs);
	const leases = new LeaseKeeper({store, ...options.lease, onError: error => stop.fail(error)});
	const queue = new PQueue({concurrency: options.engine.loaded?.parallel ?? 1});
	try {
		const guard = await createInputGuard(options.inputs, config.discover.followSymlinks);
		const feed = await _openFeed(options, {store, tally, runId});
		tally.save();
		let fieldsChecked = false;
		/** The engine, loaded when the first document needs it; then the queue and the lanes widen to its parallelism. */
		const loadEngine = async (): Promise<Engine> => {
			try {
				const engine = await options.engine.load();
				if (!fieldsChecked) {
					assertFieldsFit(engine, config);
					fieldsChecked = true;
				}
				if (tally.result.contextSize === null) {
					tally.result.contextSize = engine.contextSize;
					queue.concurrency = engine.parallel;
					lanes.widen(engine.parallel + pool.size);
				}
				return engine;
			} catch (error) {
				// Without an engine (or with fields that cannot fit it) no document can proceed: the run stops and reports why.
				stop.fail(toError(error));
				throw error;
			}
		};
		const work: DocumentWork = {
			store, pool, guard, leases, tally, stop, queue, config, keys, engineId, runId, loadEngine,
			force: options.force ?? false, retryFailed: options.retryFailed ?? false,
		};
		const lanes = startLanes({
			feed, stop, process: async (index, path) => processDocument(work, index, path),
			// A fed run learns its total as paths arrive.
			onPulled: count => {
				if (options.source !== undefined) tally.result.documents.total = count;
			},
		});
		lanes.widen(pool.size + (options.engine.loaded?.parallel ?? 1));
		await lanes.settled();
		if (stop.failure !== undefined) throw stop.failure;
	} catch (error) {
		stop.fail(toError(error));
		throw error;
	} finally {
		leases.stop();
		stop.dispose();
		tally.result.interrupted = stop.interrupted;
		tally.result.wallSeconds = (performance.now() - startedAt) / 1000;
		store.finishRun(runId, stop.failure !== undefined ? 'failed' : stop.interrupted ? 'interrupted' : 'done', tally.toCounters());
	}
	return tally.result;
}

/** The run's paths: discovered from `inputs` (the total known at once; paths refused are recorded), or fed by `source`. */
async function _openFeed(options: RunBatchOptions, run: Parameters<typeof recordRefusedInput>[0]): Promise<Iterator<string> | AsyncIterator<string>> {
	if (options.source !== undefined) return options.source[Symbol.asyncIterator]();
	const {files, refused} = await discoverFiles(options.inputs, options.config.discover);
	run.tally.discovered(files.length + refused.length, await statFileSizes(files));
	for (const input of refused) recordRefusedInput(run, input);
	return files.values();
}
