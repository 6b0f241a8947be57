/**
 * Child process: what `precis run` does (RunCommand: config, store, engine, extraction pool,
 * runBatch), with two recorders around the real components so the bench can see what the CLI's
 * totals do not show: prompt tokens actually evaluated (prefix reuse excluded) per call, and the
 * extracted text of each document (to count its tokens). Prints one JSON object on stdout.
 * Usage: runPipeline.ts <pipeline.yaml> <db> <model.gguf> <parallel> <input>...
 */
import {resolveConfig} from '../../src/config/resolveConfig.js';
import {createEngine} from '../../src/engine/createEngine.js';
import type {CompletionRequest, Engine} from '../../src/engine/Engine.js';
import {LazyEngine} from '../../src/engine/LazyEngine.js';
import {ExtractionPool} from '../../src/ingest/ExtractionPool.js';
import type {SourceDocument} from '../../src/ingest/SourceDocument.js';
import {runBatch} from '../../src/run/runBatch.js';
import type {RunEvent} from '../../src/run/RunEvent.js';
import {toSummarizeInput} from '../../src/run/toSummarizeInput.js';
import {openStore} from '../../src/store/Store.js';
import {resolveBenchGpu} from '../lib/resolveBenchGpu.js';

// Registers the CUDA 12 build first when asked; the engine's GPU itself comes from the pipeline file.
await resolveBenchGpu();

export interface RecordedCall {
	/** The document whose title the prompt names; '' when none matches. */
	title: string;
	promptTokens: number;
	cachedPromptTokens: number;
	outputTokens: number;
	durationMs: number;
}

export interface PipelineRunReport {
	parallel: number;
	contextSize: number;
	threads: number;
	result: Awaited<ReturnType<typeof runBatch>>;
	/** Seconds from process start: modules loaded, engine ready, run finished, engine closed. */
	phases: {importedAt: number; engineReadyAt: number; runDoneAt: number; closedAt: number};
	documents: {path: string; title: string; tokens: number; chars: number}[];
	calls: RecordedCall[];
	engineUsage: {evaluatedTokens: number; generatedTokens: number} | undefined;
	/** The run's `document-done` events: chunks, collapse levels and calls per document. */
	done: {path: string; chunks: number; collapseLevels: number; llmCalls: number; seconds: number}[];
}

const [configFile = '', db = '', model = '', parallelArg = '1', ...inputs] = process.argv.slice(2);
const _secondsSinceStart = (): number => performance.now() / 1000;
const importedAt = _secondsSinceStart();
const {config} = resolveConfig({config: configFile, overrides: {db, 'engine.model': model, 'engine.parallel': Number(parallelArg)}});
const {timeoutSeconds, maxMemoryMb, workers, ...limits} = config.extract;
const store = openStore(config.db);
const engine = await createEngine(config.engine);
const engineReadyAt = _secondsSinceStart();

const extracted: SourceDocument[] = [];
const calls: RecordedCall[] = [];
const recordingPool = new (class extends ExtractionPool {
	override async extract(path: string): Promise<SourceDocument> {
		const document = await super.extract(path);
		extracted.push(document);
		return document;
	}
})({limits, timeoutSeconds, maxMemoryMb, workers});
const titles = (): string[] => extracted.map(document => toSummarizeInput(document).title);
const recordingEngine: Engine = {
	id: engine.id,
	contextSize: engine.contextSize,
	parallel: engine.parallel,
	tokenizer: engine.tokenizer,
	countPromptTokens: messages => engine.countPromptTokens(messages),
	complete: async (request: CompletionRequest) => {
		const result = await engine.complete(request);
		const user = request.messages.findLast(message => message.role === 'user')?.content ?? '';
		const title = titles().find(candidate => user.includes(`"${candidate}"`)) ?? '';
		calls.push({title, promptTokens: result.promptTokens, cachedPromptTokens: result.cachedPromptTokens ?? 0, outputTokens: result.outputTokens, durationMs: result.durationMs});
		return result;
	},
	close: () => engine.close(),
};

const done: PipelineRunReport['done'] = [];
const onEvent = (event: RunEvent): void => {
	if (event.type === 'document-done') done.push({path: event.path, chunks: event.chunks, collapseLevels: event.collapseLevels, llmCalls: event.llmCalls, seconds: event.seconds});
};
const result = await runBatch({inputs, config, engine: LazyEngine.of(recordingEngine), store, pool: recordingPool, onEvent});
const runDoneAt = _secondsSinceStart();
const engineUsage = 'getTokenUsage' in engine ? (engine as unknown as {getTokenUsage(): {evaluatedTokens: number; generatedTokens: number}}).getTokenUsage() : undefined;
await recordingPool.close();
const documents = extracted.map(document => ({path: document.path, title: toSummarizeInput(document).title, tokens: engine.tokenizer.countTokens(document.text), chars: document.text.length}));
await engine.close();
store.close();
const closedAt = _secondsSinceStart();
const threads = 'threads' in engine ? Number(engine.threads) : config.engine.threads;
const report: PipelineRunReport = {parallel: engine.parallel, contextSize: engine.contextSize, threads, result, phases: {importedAt, engineReadyAt, runDoneAt, closedAt}, documents, calls, engineUsage, done};
process.stdout.write(`${JSON.stringify(report)}\n`);
