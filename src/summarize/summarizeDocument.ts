import {chunkText, type Chunk} from '../chunk/chunkText.js';
import type {ChatMessage, Engine, Tokenizer} from '../engine/Engine.js';
import {EngineError} from '../errors.js';
import {buildMessages, createSummaryJsonSchema, fenceText, type PromptKind, type PromptVariables, type SummarizeOptions} from './buildMessages.js';
import {cutToTokens} from './cutToTokens.js';
import {parseSummaryOutput} from './parseSummaryOutput.js';
import type {SummarizeProgress} from './SummarizeProgress.js';

/** One model call the summarizer needs; the runner decides how (cache, queue, engine). */
export interface ModelCallRequest {
	kind: PromptKind | 'fields';
	/** 0 for map (or a single call), then one more per collapse level; reduce is the last level. */
	level: number;
	messages: ChatMessage[];
	/** Exact token count of the templated prompt, already checked to fit. */
	promptTokens: number;
	maxTokens: number;
	temperature: number;
	seed: number;
	jsonSchema?: Record<string, unknown>;
	/** Aborted once another call of the same document failed: a call still queued need not run. */
	signal?: AbortSignal;
}

export interface ModelCallResult {
	text: string;
	outputTokens: number;
	/** The result came from the checkpoint store: no model call was made. */
	cached: boolean;
}

export type CallModel = (request: ModelCallRequest) => Promise<ModelCallResult>;

export interface SummarizeDocumentOptions {
	engine: Pick<Engine, 'contextSize' | 'countPromptTokens' | 'tokenizer'>;
	callModel: CallModel;
	summarize: SummarizeOptions;
	/** Chunk size cap (0: as large as the context allows) and overlap, in tokens. */
	chunk: {maxTokens: number; overlapTokens: number};
	/** Told the document's plan once it is known, and each collapse or reduce level as it is added. */
	onProgress?: (progress: SummarizeProgress) => void;
}

export interface SummarizeInput {
	text: string;
	title: string;
	/** Character offset of each page's start, for chunk page ranges. */
	pageStarts?: readonly number[];
}

export interface DocumentSummary {
	summary: string;
	title?: string;
	keyPoints?: string[];
	/** Chunks of the map stage; empty when the document fit one call. */
	chunks: Chunk[];
	/** Collapse levels used between map and reduce. */
	collapseLevels: number;
	calls: number;
	cachedCalls: number;
	promptTokens: number;
	outputTokens: number;
	maxPromptTokens: number;
	warnings: string[];
}

/** Tokens kept free between a prompt's counted size and the context, for safety at template joins; every planner of model calls keeps it. */
export const PROMPT_MARGIN_TOKENS = 16;
const _partialSeparator = '\n\n';

/**
 * Summarizes one document: in one call when it fits; otherwise map each chunk, collapse partial
 * summaries level by level until they fit one prompt, and reduce. Every prompt is counted before it
 * is sent and never exceeds the context; each collapse level must shrink the text, and past
 * `maxDepth` levels (or when a level cannot shrink) the partial summaries are cut at a sentence
 * boundary with a warning, so the process always ends. Text is planned as it is sent (fenced: see
 * `fenceText`). When one call fails, the document's calls still queued are dropped.
 */
export async function summarizeDocument(input: SummarizeInput, options: SummarizeDocumentOptions): Promise<DocumentSummary> {
	const {engine, summarize} = options;
	const variables: PromptVariables = {title: input.title};
	const stats = {calls: 0, cachedCalls: 0, promptTokens: 0, outputTokens: 0, maxPromptTokens: 0};
	const warnings: string[] = [];
	const maxTokens = summarize.maxOutputTokens;
	const templateFor = (kind: PromptKind): number => engine.countPromptTokens(buildMessages(kind, '', variables, summarize));
	const budgetFor = (kind: PromptKind): number => engine.contextSize - maxTokens - PROMPT_MARGIN_TOKENS - templateFor(kind);
	const sent = createSentTokenizer(engine.tokenizer);
	const giveUp = new AbortController();
	const report = options.onProgress ?? (() => undefined);

	const call = async (kind: PromptKind, level: number, text: string, extra: Partial<PromptVariables> = {}): Promise<string> => {
		const messages = buildMessages(kind, text, {...variables, ...extra}, summarize);
		const promptTokens = engine.countPromptTokens(messages);
		if (promptTokens + maxTokens > engine.contextSize) {
			throw new EngineError('E_PROMPT_TOO_LONG', `planner bug: a ${kind} prompt of ${promptTokens} tokens + ${maxTokens} output tokens exceeds the context of ${engine.contextSize}`, {retryable: false});
		}
		const isFinal = kind === 'reduce';
		const result = await options.callModel({
			kind, level, messages, promptTokens, maxTokens,
			temperature: summarize.temperature, seed: summarize.seed, signal: giveUp.signal,
			...(isFinal && summarize.style === 'json' ? {jsonSchema: createSummaryJsonSchema(maxTokens)} : {}),
		}).catch((error: unknown) => {
			giveUp.abort();
			throw error;
		});
		stats.calls++;
		if (result.cached) stats.cachedCalls++;
		stats.promptTokens += promptTokens;
		stats.outputTokens += result.outputTokens;
		stats.maxPromptTokens = Math.max(stats.maxPromptTokens, promptTokens);
		return result.text.trim();
	};
	const finish = (output: string, chunks: Chunk[], collapseLevels: number): DocumentSummary => ({
		...parseSummaryOutput(output, summarize.style, warnings), chunks, collapseLevels, ...stats, warnings,
	});

	const reduceBudget = budgetFor('reduce');
	if (reduceBudget <= 0) throw new EngineError('E_PROMPT_TOO_LONG', `the context of ${engine.contextSize} tokens leaves no room for text after the prompt and ${maxTokens} output tokens; raise engine.contextSize or lower summarize.maxOutputTokens`, {retryable: false});
	const collapseBudget = budgetFor('collapse');
	const mapTemplate = templateFor('map');
	const plan = {type: 'document-planned', maxOutputTokens: maxTokens, reduceBudget, collapseBudget, templateTokens: mapTemplate, maxDepth: summarize.maxDepth} as const;
	const reduce = async (level: number, text: string): Promise<string> => {
		report({type: 'level-added', kind: 'reduce', level, calls: 1});
		return call('reduce', level, text);
	};
	const textTokens = _countIfNear(input.text, reduceBudget, sent);
	if (textTokens <= reduceBudget) {
		report({...plan, mapCalls: 0, promptTokens: textTokens + templateFor('reduce')});
		return finish(await reduce(0, input.text), [], 0);
	}

	const chunks = planChunks(input, options);
	report({...plan, mapCalls: chunks.length, promptTokens: chunks.reduce((sum, chunk) => sum + chunk.tokens + mapTemplate, 0)});
	let partials = await Promise.all(chunks.map((chunk, index) => call('map', 0, chunk.text, {part: index + 1, parts: chunks.length})));

	let level = 0;
	for (;;) {
		const joined = partials.join(_partialSeparator);
		if (_fits(joined, reduceBudget, sent)) return finish(await reduce(level + 1, joined), chunks, level);
		const groups = level < summarize.maxDepth ? _groupToFit(partials, collapseBudget, sent) : [];
		if (groups.length === 0 || groups.length >= partials.length) {
			warnings.push(level >= summarize.maxDepth
				? `partial summaries still too long after ${level} collapse levels (summarize.maxDepth); cut to fit the final prompt`
				: `collapse level ${level + 1} could not shrink the partial summaries; cut to fit the final prompt`);
			return finish(await reduce(level + 1, cutToTokens(joined, reduceBudget, sent)), chunks, level);
		}
		level++;
		const currentLevel = level;
		report({type: 'level-added', kind: 'collapse', level: currentLevel, calls: groups.length});
		partials = await Promise.all(groups.map(group => call('collapse', currentLevel, group.join(_partialSeparator))));
	}
}

/**
 * Splits a document into the chunks of its map stage: as large as a map prompt and its output
 * allow within the context (or `chunk.maxTokens`, when smaller).
 */
export function planChunks(input: SummarizeInput, options: Pick<SummarizeDocumentOptions, 'engine' | 'summarize' | 'chunk'>): Chunk[] {
	const {engine, summarize} = options;
	const template = engine.countPromptTokens(buildMessages('map', '', {title: input.title}, summarize));
	const mapBudget = engine.contextSize - summarize.maxOutputTokens - PROMPT_MARGIN_TOKENS - template;
	if (mapBudget <= 0) throw new EngineError('E_PROMPT_TOO_LONG', `the context of ${engine.contextSize} tokens leaves no room for text after the prompt and ${summarize.maxOutputTokens} output tokens; raise engine.contextSize or lower summarize.maxOutputTokens`, {retryable: false});
	const chunkBudget = options.chunk.maxTokens > 0 ? Math.min(options.chunk.maxTokens, mapBudget) : mapBudget;
	return chunkText(input.text, {
		maxTokens: chunkBudget,
		overlapTokens: Math.min(options.chunk.overlapTokens, Math.floor(chunkBudget / 2)),
		countTokens: createSentTokenizer(engine.tokenizer).countTokens,
		...(input.pageStarts === undefined ? {} : {pageStarts: input.pageStarts}),
	});
}

/**
 * Counts text as a prompt carries it: fenced, where `<<<` and `>>>` are broken up and may cost more
 * tokens than in the document. Every budget decision counts with it, so what is planned is what is sent.
 */
export function createSentTokenizer(tokenizer: Pick<Tokenizer, 'countTokens'>): Pick<Tokenizer, 'countTokens'> {
	return {countTokens: text => tokenizer.countTokens(fenceText(text))};
}

/** Whether `text` fits `budget` tokens. */
function _fits(text: string, budget: number, sent: Pick<Tokenizer, 'countTokens'>): boolean {
	return _countIfNear(text, budget, sent) <= budget;
}

/** The tokens of `text` as sent; Infinity, without tokenizing, when it is clearly far over `budget`. */
function _countIfNear(text: string, budget: number, sent: Pick<Tokenizer, 'countTokens'>): number {
	return text.length > budget * 12 ? Number.POSITIVE_INFINITY : sent.countTokens(text);
}

/** Packs consecutive partial summaries greedily into groups whose joined text fits `budget` tokens. */
function _groupToFit(partials: readonly string[], budget: number, sent: Pick<Tokenizer, 'countTokens'>): string[][] {
	const separatorTokens = sent.countTokens(_partialSeparator);
	const groups: string[][] = [];
	let current: string[] = [];
	let currentTokens = 0;
	for (const partial of partials) {
		const tokens = sent.countTokens(partial);
		if (tokens > budget) return [];
		const added = current.length === 0 ? tokens : tokens + separatorTokens;
		if (current.length > 0 && (currentTokens + added > budget || !_fits([...current, partial].join(_partialSeparator), budget, sent))) {
			groups.push(current);
			current = [partial];
			currentTokens = tokens;
		} else {
			current.push(partial);
			currentTokens += added;
		}
	}
	if (current.length > 0) groups.push(current);
	return groups;
}
