import {setMaxListeners} from 'node:events';
import {hostname} from 'node:os';
import {resolve} from 'node:path';
import PQueue from 'p-queue';
import type {ResolvedConfig} from '../config/schema.js';
import type {Engine} from '../engine/Engine.js';
import type {LazyEngine} from '../engine/LazyEngine.js';
import {isPipelineError, toError} from '../errors.js';
import {discoverFiles} from '../ingest/discoverFiles.js';
import type {ExtractionPool} from '../ingest/ExtractionPool.js';
import type {ClaimOwner, DocumentDecision, DocumentMeta} from '../store/types.js';
import type {Store} from '../store/Store.js';
import {summarizeDocument} from '../summarize/summarizeDocument.js';
import {createCallModel} from './createCallModel.js';
import {hashFile} from './hashFile.js';
import {hashJson} from './hashJson.js';
import type {RunEvent} from './RunEvent.js';
import {toSummarizeInput} from './toSummarizeInput.js';

export interface RunBatchOptions {
	/** Files, folders or globs to discover; ignored when `source` is given. */
	inputs: readonly string[];
	/**
	 * Paths to summarize as they come, instead of discovering `inputs` (a watcher's feed, keeping one
	 * run open). Pulled by several lanes at once; it must end once `signal` aborts.
	 */
	source?: AsyncIterable<string>;
	config: Pick<ResolvedConfig, 'name' | 'discover' | 'chunk' | 'summarize'> & {engine: Pick<ResolvedConfig['engine'], 'contextSize' | 'maxContextSize'>};
	/** Loaded when the first document needs a model call: a run over unchanged documents never loads it. */
	engine: LazyEngine;
	store: Store;
	pool: ExtractionPool;
	/** Summarize again even when unchanged, ignoring cached calls. */
	force?: boolean;
	/** Stops intake when aborted; calls in flight get `graceMs` to finish, then are abandoned. */
	signal?: AbortSignal;
	/** @default 5000 */
	graceMs?: number;
	onEvent?: (event: RunEvent) => void;
}

export interface RunResult {
	runId: number;
	documents: {total: number; done: number; failed: number; skipped: number};
	llmCalls: number;
	cacheHits: number;
	/** Prompt tokens sent in this run's model calls. */
	promptTokens: number;
	/** Prompt tokens the engine actually evaluated: those sent, less a prefix it kept from an earlier call. */
	evaluatedPromptTokens: number;
	outputTokens: number;
	maxPromptTokens: number;
	/** The engine's context; null when the engine was never loaded (no document needed it). */
	contextSize: number | null;
	wallSeconds: number;
	interrupted: boolean;
}

/** A claim not refreshed for this long belongs to a process that stopped. */
const _claimStaleMs = 60_000;
const _heartbeatMs = 10_000;

/**
 * Summarizes every document under `inputs`, streaming them through extraction and the model: a
 * few documents are in flight at once, model calls of earlier documents go first, and every call
 * and outcome is committed at once. A failing document is recorded and the run goes on.
 */
export async function runBatch(options: RunBatchOptions): Promise<RunResult> {
	const {store, pool, config} = options;
	const startedAt = performance.now();
	const force = options.force ?? false;
	const owner: ClaimOwner = {host: hostname(), pid: process.pid};
	const engineId = options.engine.knownId ?? (await options.engine.load()).id;
	// The engine's settings, not the context it resolved: what decides whether a document is done is known before loading.
	const {contextSize, maxContextSize} = config.engine;
	const summaryKey = hashJson({engine: engineId, context: {contextSize, maxContextSize}, chunk: config.chunk, summarize: config.summarize});
	const runId = store.startRun({pipeline: config.name, configHash: summaryKey});
	const result: RunResult = {
		runId, documents: {total: 0, done: 0, failed: 0, skipped: 0}, llmCalls: 0, cacheHits: 0,
		promptTokens: 0, evaluatedPromptTokens: 0, outputTokens: 0, maxPromptTokens: 0, contextSize: options.engine.loaded?.contextSize ?? null, wallSeconds: 0, interrupted: false,
	};
	const emit = (event: RunEvent): void => options.onEvent?.(event);
	const saveCounters = (): void => store.updateRunCounters(runId, _toCounters(result));

	const intake = new AbortController();
	// Every queued model call listens on it: many are normal, not a leak.
	setMaxListeners(0, intake.signal);
	const inFlight = new AbortController();
	const onAbort = (): void => {
		result.interrupted = true;
		intake.abort();
		setTimeout(() => inFlight.abort(), options.graceMs ?? 5000).unref();
	};
	if (options.signal?.aborted) onAbort();
	options.signal?.addEventListener('abort', onAbort, {once: true});
	const heartbeat = setInterval(() => store.heartbeat(owner), _heartbeatMs);
	heartbeat.unref();

	const queue = new PQueue({concurrency: options.engine.loaded?.parallel ?? 1});
	let engineFailure: Error | undefined;
	try {
		let feed: Iterator<string> | AsyncIterator<string>;
		if (options.source === undefined) {
			const paths = await discoverFiles(options.inputs, config.discover);
			result.documents.total = paths.length;
			emit({type: 'discovered', total: paths.length});
			feed = paths.values();
		} else {
			feed = options.source[Symbol.asyncIterator]();
		}
		saveCounters();

		const countSkip = (decision: DocumentDecision, path: string): void => {
			result.documents.skipped++;
			emit({type: 'document-skipped', path, reason: decision === 'skip-done' ? 'unchanged' : 'failed-before'});
		};

		// Another process holds the document, or took it over while this one stalled past its claim.
		const countClaimedElsewhere = (path: string): void => {
			result.documents.skipped++;
			emit({type: 'document-skipped', path, reason: 'claimed-elsewhere'});
		};

		const processDocument = async (index: number, path: string): Promise<void> => {
			const file = resolve(path);
			const started = performance.now();
			let sha256: string | undefined;
			let meta: DocumentMeta | undefined;
			try {
				const facts = await hashFile(file);
				sha256 = facts.sha256;
				const before = force ? 'process' : store.decideDocument(file, sha256, summaryKey);
				if (before !== 'process') {
					countSkip(before, path);
					return;
				}
				const engine = await loadEngine();
				if (!store.claimDocument(file, owner, _claimStaleMs)) {
					countClaimedElsewhere(path);
					return;
				}
				// Another process may have finished it between the first decision and the claim.
				const decision = force ? 'process' : store.decideDocument(file, sha256, summaryKey);
				if (decision !== 'process') {
					store.releaseDocument(file, owner);
					countSkip(decision, path);
					return;
				}
				emit({type: 'document-started', path});
				const document = await pool.extract(file);
				sha256 = document.sha256;
				meta = {sha256, bytes: document.bytes, format: document.format, pages: document.pages.length, title: document.title ?? null, runId};
				store.markRunning(file, meta);
				const summary = await summarizeDocument(
					toSummarizeInput(document),
					{
						engine,
						summarize: config.summarize,
						chunk: config.chunk,
						callModel: createCallModel({
							engine, store, queue, runId, force, priority: -index,
							intakeSignal: intake.signal, callSignal: inFlight.signal,
							onCall: call => {
								if (call.cached) result.cacheHits++;
								else {
									result.llmCalls++;
									result.promptTokens += call.promptTokens;
									result.evaluatedPromptTokens += call.promptTokens - call.cachedPromptTokens;
									result.outputTokens += call.outputTokens;
								}
								emit({type: 'call-done', ...call});
							},
						}),
					},
				);
				result.maxPromptTokens = Math.max(result.maxPromptTokens, summary.maxPromptTokens);
				const seconds = (performance.now() - started) / 1000;
				const written = store.markDone(file, sha256, {
					owner, summary: summary.summary, keyPoints: summary.keyPoints ?? null, model: engineId, pipeline: config.name, summaryKey,
					promptTokens: summary.promptTokens, outputTokens: summary.outputTokens, llmCalls: summary.calls - summary.cachedCalls, seconds, runId,
				});
				store.putChunks(sha256, summaryKey, summary.chunks.map(chunk => ({
					index: chunk.index, tokens: chunk.tokens, charStart: chunk.start, charEnd: chunk.end,
					pageFirst: chunk.pages?.[0] ?? null, pageLast: chunk.pages?.[1] ?? null, headings: chunk.headings,
				})));
				if (!written) {
					countClaimedElsewhere(path);
					return;
				}
				result.documents.done++;
				emit({
					type: 'document-done', path, seconds, llmCalls: summary.calls - summary.cachedCalls, cacheHits: summary.cachedCalls,
					chunks: summary.chunks.length, collapseLevels: summary.collapseLevels, maxPromptTokens: summary.maxPromptTokens, warnings: summary.warnings,
				});
			} catch (thrown) {
				const error = toError(thrown);
				if (intake.signal.aborted || engineFailure !== undefined) {
					// Interrupted, not failed: the next run takes it up again.
					if (meta !== undefined) store.recordPending(file, meta);
					store.releaseDocument(file, owner);
					return;
				}
				const code = isPipelineError(error) ? error.code : 'E_GENERATION_FAILED';
				const retryable = isPipelineError(error) ? error.retryable : true;
				if (!store.markFailed(file, {owner, sha256: sha256 ?? null, code, message: error.message, retryable, runId})) {
					countClaimedElsewhere(path);
					return;
				}
				result.documents.failed++;
				emit({type: 'document-failed', path, code, message: error.message});
			} finally {
				saveCounters();
			}
		};

		let next = 0;
		const lane = async (): Promise<void> => {
			while (!intake.signal.aborted) {
				const item = await feed.next();
				if (item.done === true || intake.signal.aborted) return;
				const index = next++;
				// A fed run learns its total as paths arrive.
				if (options.source !== undefined) result.documents.total = next;
				await processDocument(index, item.value);
			}
		};
		const lanes: Array<Promise<void>> = [];
		const addLanes = (count: number): void => {
			while (lanes.length < count) lanes.push(lane());
		};
		/** The engine, loaded when the first document needs it; then the queue and the lanes widen to its parallelism. */
		const loadEngine = async (): Promise<Engine> => {
			try {
				const engine = await options.engine.load();
				if (result.contextSize === null) {
					result.contextSize = engine.contextSize;
					queue.concurrency = engine.parallel;
					addLanes(engine.parallel + pool.size);
				}
				return engine;
			} catch (error) {
				// Without an engine no document can proceed: the run stops and reports why.
				engineFailure ??= toError(error);
				intake.abort();
				throw error;
			}
		};
		addLanes(pool.size + (options.engine.loaded?.parallel ?? 1));
		// Loading the engine adds lanes while these run.
		for (let awaited = 0; awaited < lanes.length;) {
			awaited = lanes.length;
			await Promise.all(lanes);
		}
		if (engineFailure !== undefined) throw engineFailure;
	} finally {
		clearInterval(heartbeat);
		options.signal?.removeEventListener('abort', onAbort);
		result.wallSeconds = (performance.now() - startedAt) / 1000;
		store.finishRun(runId, engineFailure !== undefined ? 'failed' : result.interrupted ? 'interrupted' : 'done', _toCounters(result));
	}
	return result;
}

function _toCounters(result: RunResult) {
	return {
		llmCalls: result.llmCalls, cacheHits: result.cacheHits, promptTokens: result.promptTokens, outputTokens: result.outputTokens,
		documentsTotal: result.documents.total, documentsDone: result.documents.done,
		documentsFailed: result.documents.failed, documentsSkipped: result.documents.skipped,
	};
}
