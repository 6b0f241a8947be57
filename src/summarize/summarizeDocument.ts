import {chunkText, type Chunk} from '../chunk/chunkText.js';
import type {ChatMessage, Engine, Tokenizer} from '../engine/Engine.js';
import {EngineError} from '../errors.js';
import {buildMessages, createSummaryJsonSchema, fenceText, type PromptKind, type PromptVariables, type SummarizeOptions} from './buildMessages.js';
import {cutToTokens} from './cutToTokens.js';
import {parseSummaryOutput} from './parseSummaryOutput.js';
import type {SummarizeProgress} from './SummarizeProgress.js';
import {addRiderToMessages, createRiddenJsonSchema, splitRiddenOutput, type SummaryRider} from './SummaryRider.js';

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
	/**
	 * A task that rides on the calls that read the text, where {@link planRide} decided (the caller
	 * plans it, once, to know whether the task needs calls of its own); its answers come back in
	 * `riderAnswers`. Collapse and reduce calls over partial summaries never carry it.
	 */
	ride?: {rider: SummaryRider; on: Exclude<RidePlan, 'none'>};
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
	/** The rider's answers, one per call that carried it, in document order; absent when it did not ride. */
	riderAnswers?: unknown[];
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
	const rider = options.ride?.rider;
	const ride: RidePlan = options.ride?.on ?? 'none';
	const warnings: string[] = [];
	const maxTokens = summarize.maxOutputTokens;
	/** Tokens of a prompt's template; with `ridden`, as it carries the rider (what the plan reports for the calls that do). */
	const templateFor = (kind: PromptKind, ridden = false): number => {
		const plain = buildMessages(kind, '', variables, summarize);
		return engine.countPromptTokens(ridden && rider !== undefined && kind !== 'collapse' ? addRiderToMessages(plain, rider, kind, summarize.style) : plain);
	};
	const budgetFor = (kind: PromptKind): number => engine.contextSize - maxTokens - PROMPT_MARGIN_TOKENS - templateFor(kind);
	const sent = createSentTokenizer(engine.tokenizer);
	const giveUp = new AbortController();
	const report = options.onProgress ?? (() => undefined);

	const riderAnswers: unknown[] = [];
	/** One call; with `rideAt` (and a rider), it carries the rider too and its answer goes to `riderAnswers[rideAt]`. */
	const call = async (kind: PromptKind, level: number, text: string, extra: Partial<PromptVariables> = {}, rideAt?: number): Promise<string> => {
		const plain = buildMessages(kind, text, {...variables, ...extra}, summarize);
		const riding = rideAt === undefined || rider === undefined || kind === 'collapse' ? undefined : {rider, kind};
		const messages = riding === undefined ? plain : addRiderToMessages(plain, riding.rider, riding.kind, summarize.style);
		const callTokens = maxTokens + (riding?.rider.outputTokens ?? 0);
		const promptTokens = engine.countPromptTokens(messages);
		if (promptTokens + callTokens > engine.contextSize) {
			throw new EngineError('E_PROMPT_TOO_LONG', `planner bug: a ${kind} prompt of ${promptTokens} tokens + ${callTokens} output tokens exceeds the context of ${engine.contextSize}`, {retryable: false});
		}
		const isFinal = kind === 'reduce';
		const jsonSchema = riding === undefined
			? isFinal && summarize.style === 'json' ? createSummaryJsonSchema(maxTokens) : undefined
			: createRiddenJsonSchema(riding.rider, riding.kind, summarize);
		const result = await options.callModel({
			kind, level, messages, promptTokens, maxTokens: callTokens,
			temperature: summarize.temperature, seed: summarize.seed, signal: giveUp.signal,
			...(jsonSchema === undefined ? {} : {jsonSchema}),
		}).catch((error: unknown) => {
			giveUp.abort();
			throw error;
		});
		stats.calls++;
		if (result.cached) stats.cachedCalls++;
		stats.promptTokens += promptTokens;
		stats.outputTokens += result.outputTokens;
		stats.maxPromptTokens = Math.max(stats.maxPromptTokens, promptTokens);
		if (riding === undefined) return result.text.trim();
		const split = splitRiddenOutput(result.text.trim(), riding.rider, riding.kind, summarize.style);
		if (split.warning !== undefined) warnings.push(`${kind === 'map' ? `part ${rideAt! + 1}: ` : ''}${split.warning}`);
		riderAnswers[rideAt!] = split.answer;
		return split.summary.trim();
	};
	const finish = (output: string, chunks: Chunk[], collapseLevels: number): DocumentSummary => ({
		...parseSummaryOutput(output, summarize.style, warnings), chunks, collapseLevels, ...stats, warnings,
		...(ride === 'none' ? {} : {riderAnswers}),
	});

	const reduceBudget = budgetFor('reduce');
	if (reduceBudget <= 0) throw new EngineError('E_PROMPT_TOO_LONG', `the context of ${engine.contextSize} tokens leaves no room for text after the prompt and ${maxTokens} output tokens; raise engine.contextSize or lower summarize.maxOutputTokens`, {retryable: false});
	const collapseBudget = budgetFor('collapse');
	const mapTemplate = templateFor('map', ride === 'map');
	const plan = {type: 'document-planned', maxOutputTokens: maxTokens, reduceBudget, collapseBudget, templateTokens: mapTemplate, maxDepth: summarize.maxDepth} as const;
	const reduce = async (level: number, text: string, rideAt?: number): Promise<string> => {
		report({type: 'level-added', kind: 'reduce', level, calls: 1});
		return call('reduce', level, text, {}, rideAt);
	};
	const textTokens = _countIfNear(input.text, reduceBudget, sent);
	if (textTokens <= reduceBudget) {
		report({...plan, mapCalls: 0, promptTokens: textTokens + templateFor('reduce', ride === 'whole')});
		return finish(await reduce(0, input.text, ride === 'whole' ? 0 : undefined), [], 0);
	}

	const chunks = planChunks(input, {...options, rider: ride === 'map' ? rider : undefined});
	report({...plan, mapCalls: chunks.length, promptTokens: chunks.reduce((sum, chunk) => sum + chunk.tokens + mapTemplate, 0)});
	let partials = await Promise.all(chunks.map((chunk, index) => call('map', 0, chunk.text, {part: index + 1, parts: chunks.length}, ride === 'map' ? index : undefined)));

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
 * Splits a document into the chunks of its map stage: as large as a map prompt (with `rider`, when
 * one rides on the map calls) and its output allow within the context (or `chunk.maxTokens`, when smaller).
 */
export function planChunks(input: SummarizeInput, options: Pick<SummarizeDocumentOptions, 'engine' | 'summarize' | 'chunk'> & {rider?: SummaryRider | undefined}): Chunk[] {
	const {engine, summarize} = options;
	const mapBudget = _getMapTextBudget(input, options, options.rider);
	if (mapBudget <= 0) throw new EngineError('E_PROMPT_TOO_LONG', `the context of ${engine.contextSize} tokens leaves no room for text after the prompt and ${summarize.maxOutputTokens} output tokens; raise engine.contextSize or lower summarize.maxOutputTokens`, {retryable: false});
	const chunkBudget = _capChunk(mapBudget, options.chunk);
	return chunkText(input.text, {
		maxTokens: chunkBudget,
		overlapTokens: Math.min(options.chunk.overlapTokens, Math.floor(chunkBudget / 2)),
		countTokens: createSentTokenizer(engine.tokenizer).countTokens,
		...(input.pageStarts === undefined ? {} : {pageStarts: input.pageStarts}),
	});
}

/** Where a rider rides: on the single call of a document that fits, on each map call of a long one, or nowhere. */
export type RidePlan = 'whole' | 'map' | 'none';

/** A ridden map call must leave at least this many tokens for its chunk. */
const _minRiddenChunkTokens = 64;

/**
 * Where `rider` can ride on a document's summary calls, with every prompt within the context and
 * the call's output being the summary's plus the rider's. A document that fits one summary call:
 * 'whole' when the combined prompt fits too, else 'none' (one summary call and the rider's own calls
 * cost fewer calls than splitting the document to carry it). A long document: 'map' when a ridden
 * chunk keeps at least half the tokens of a summary-only chunk (both capped by `chunk.maxTokens`) and
 * at least 64 (at half the size riding makes about as many calls as the summary's map calls plus
 * the rider's own calls, reads the text once instead of twice, and may generate up to twice as
 * much: the trade is in docs/fields.md); else 'none'.
 */
export function planRide(input: SummarizeInput, options: Pick<SummarizeDocumentOptions, 'engine' | 'summarize' | 'chunk'>, rider: SummaryRider): RidePlan {
	const {engine, summarize} = options;
	const variables = {title: input.title};
	const sent = createSentTokenizer(engine.tokenizer);
	const reduceTemplate = engine.countPromptTokens(buildMessages('reduce', '', variables, summarize));
	const reduceBudget = engine.contextSize - summarize.maxOutputTokens - PROMPT_MARGIN_TOKENS - reduceTemplate;
	if (_countIfNear(input.text, reduceBudget, sent) <= reduceBudget) {
		const messages = addRiderToMessages(buildMessages('reduce', input.text, variables, summarize), rider, 'reduce', summarize.style);
		return engine.countPromptTokens(messages) + summarize.maxOutputTokens + rider.outputTokens + PROMPT_MARGIN_TOKENS <= engine.contextSize ? 'whole' : 'none';
	}
	const ridden = _getMapTextBudget(input, options, rider);
	const plain = _getMapTextBudget(input, options, undefined);
	return ridden >= _minRiddenChunkTokens && _capChunk(ridden, options.chunk) * 2 >= _capChunk(plain, options.chunk) ? 'map' : 'none';
}

/** Tokens left for a chunk's text in a map call (carrying `rider`, if given). */
function _getMapTextBudget(input: SummarizeInput, options: Pick<SummarizeDocumentOptions, 'engine' | 'summarize'>, rider: SummaryRider | undefined): number {
	const {engine, summarize} = options;
	const plain = buildMessages('map', '', {title: input.title}, summarize);
	const template = engine.countPromptTokens(rider === undefined ? plain : addRiderToMessages(plain, rider, 'map', summarize.style));
	return engine.contextSize - summarize.maxOutputTokens - (rider?.outputTokens ?? 0) - PROMPT_MARGIN_TOKENS - template;
}

function _capChunk(budget: number, chunk: SummarizeDocumentOptions['chunk']): number {
	return chunk.maxTokens > 0 ? Math.min(chunk.maxTokens, budget) : budget;
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
