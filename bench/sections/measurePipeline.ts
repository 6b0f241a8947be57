import {resolveConfig} from '../../src/config/resolveConfig.js';
import type {PipelineRunReport} from '../children/runPipeline.js';
import {getLoad} from '../lib/getMachineInfo.js';
import {runScript} from '../lib/runScript.js';
import {roundTo} from '../lib/roundTo.js';
import type {EngineParallelRow} from '../lib/toParallelRow.js';

interface _FloorOutput {
	promptTokensPerSecond: number;
	outputTokensPerSecond: number;
	engine: {promptTokensPerSecond: number; outputTokensPerSecond: number; cachedCallMs: number; countPromptTokensMs: number};
	promptTokens: number;
	outputTokens: number;
}

export interface FloorResult extends _FloorOutput {
	load: number;
}

export interface PipelineResult {
	parallel: number;
	/** CPU threads the engine ran with. */
	threads: number;
	load: number;
	/** Seconds of the whole child process (tsx start, model load, run, close) and of runBatch alone. */
	processSeconds: number;
	runSeconds: number;
	modelLoadSeconds: number;
	/** Seconds spent inside engine.complete, summed over calls (with --parallel 1, the engine's busy time). */
	callSeconds: number;
	documents: number;
	calls: number;
	promptTokensSent: number;
	promptTokensEvaluated: number;
	outputTokens: number;
	peakTreeRssMb: number;
	perDocument: {path: string; title: string; documentTokens: number; sent: number; evaluated: number; ratio: number; calls: number; chunks: number; collapseLevels: number}[];
	/** Prompt tokens evaluated ÷ document tokens, over all documents. */
	tokenRatio: number;
}

/** Raw node-llama-cpp (and LlamaEngine) speed with the pipeline's model, threads and context. */
export async function measureFloor(model: string, pipelineFile: string, repeats: number): Promise<FloorResult> {
	const {config} = resolveConfig({config: pipelineFile});
	const {contextSize, threads} = config.engine;
	const outputTokens = config.summarize.maxOutputTokens;
	const load = getLoad();
	const {output} = await runScript<_FloorOutput>('measureEngineFloor.ts', [model, contextSize, threads, contextSize - outputTokens - 64, outputTokens, repeats]);
	return {...output, load};
}

export interface ParallelFloorResult {
	load: number;
	threads: number;
	promptTokens: number;
	outputTokens: number;
	rows: EngineParallelRow[];
}

/**
 * Figure 3's reference: raw node-llama-cpp over 1 to N sequences at once (the pipeline's threads),
 * each with a prompt and an output in about the proportion of the pipeline's calls
 * (`promptTokens` : maxOutputTokens).
 */
export async function measureParallelFloor(model: string, pipelineFile: string, counts: readonly number[], promptTokens: number): Promise<ParallelFloorResult> {
	const {config} = resolveConfig({config: pipelineFile});
	const {contextSize, threads} = config.engine;
	const load = getLoad();
	const {output} = await runScript<Omit<ParallelFloorResult, 'load'>>('measureParallelFloor.ts', [model, contextSize, threads, promptTokens, config.summarize.maxOutputTokens, counts.join(',')]);
	return {...output, load};
}

/** One `precis run` (its in-process twin, see children/runPipeline.ts) over `inputs` with a fresh database. */
export async function measurePipeline(model: string, pipelineFile: string, db: string, parallel: number, inputs: readonly string[]): Promise<PipelineResult> {
	const load = getLoad();
	const {run, output} = await runScript<PipelineRunReport>('runPipeline.ts', [pipelineFile, db, model, parallel, ...inputs]);
	const evaluatedBy = new Map<string, {sent: number; evaluated: number; calls: number}>();
	for (const call of output.calls) {
		const entry = evaluatedBy.get(call.title) ?? {sent: 0, evaluated: 0, calls: 0};
		entry.sent += call.promptTokens;
		entry.evaluated += call.promptTokens - call.cachedPromptTokens;
		entry.calls++;
		evaluatedBy.set(call.title, entry);
	}
	const perDocument = output.documents.map(document => {
		const entry = evaluatedBy.get(document.title) ?? {sent: 0, evaluated: 0, calls: 0};
		const done = output.done.find(event => event.path === document.path);
		return {
			path: document.path, title: document.title, documentTokens: document.tokens, ...entry, ratio: roundTo(entry.evaluated / document.tokens, 3),
			chunks: done?.chunks ?? 0, collapseLevels: done?.collapseLevels ?? 0,
		};
	});
	const sum = (pick: (call: PipelineRunReport['calls'][number]) => number): number => output.calls.reduce((total, call) => total + pick(call), 0);
	const evaluated = sum(call => call.promptTokens - call.cachedPromptTokens);
	const documentTokens = output.documents.reduce((total, document) => total + document.tokens, 0);
	return {
		parallel, threads: output.threads, load, processSeconds: roundTo(run.wallSeconds, 2), runSeconds: roundTo(output.result.wallSeconds, 2),
		modelLoadSeconds: roundTo(output.phases.engineReadyAt - output.phases.importedAt, 2),
		callSeconds: roundTo(sum(call => call.durationMs) / 1000, 2), documents: output.result.documents.done, calls: output.calls.length,
		promptTokensSent: sum(call => call.promptTokens), promptTokensEvaluated: evaluated, outputTokens: sum(call => call.outputTokens),
		peakTreeRssMb: Math.round(run.peakTreeRssMb), perDocument, tokenRatio: roundTo(evaluated / documentTokens, 3),
	};
}

/**
 * Figure 1: the seconds the engine alone needs for the tokens the pipeline made it process, over the
 * seconds the pipeline took. Only tokens actually evaluated count (a reused prefix costs nothing).
 */
export function getEfficiency(floor: Pick<FloorResult, 'promptTokensPerSecond' | 'outputTokensPerSecond'>, pipeline: PipelineResult, seconds: number): number {
	const engineSeconds = pipeline.promptTokensEvaluated / floor.promptTokensPerSecond + pipeline.outputTokens / floor.outputTokensPerSecond;
	return roundTo(engineSeconds / seconds, 3);
}
