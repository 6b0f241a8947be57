import {chunkText, type Chunk} from '../chunk/chunkText.js';
import type {ChatMessage, Engine, Tokenizer} from '../engine/Engine.js';
import {EngineError} from '../errors.js';
import {buildMessages, fenceText, type PromptKind, type SummarizeOptions} from './buildMessages.js';
import type {SummarizeInput} from './SummarizeInput.js';
import {addRiderToMessages, type SummaryRider} from './SummaryRider.js';

/** Tokens kept free between a prompt's counted size and the context, for safety at template joins; every planner of model calls keeps it. */
export const PROMPT_MARGIN_TOKENS = 16;

/** What planning a document's summary calls reads: the engine's context and tokenizer, the summary and chunk settings. */
export interface PlanSummaryOptions {
	engine: Pick<Engine, 'contextSize' | 'countPromptTokens' | 'tokenizer'>;
	summarize: SummarizeOptions;
	/** Chunk size cap (0: as large as the context allows) and overlap, in tokens. */
	chunk: {maxTokens: number; overlapTokens: number};
}

/** Where a rider rides: on the single call of a document that fits, on each map call of a long one, or nowhere. */
export type RidePlan = 'whole' | 'map' | 'none';

/** The chunks of a map stage, and the tokens each may hold (the budget they were cut to). */
export interface MapChunks {
	chunkTokens: number;
	chunks: Chunk[];
}

/** A prompt and its exact token count, as the engine's template will wrap it. */
export interface CountedPrompt {
	messages: ChatMessage[];
	promptTokens: number;
}

/**
 * How a document's summary calls are made, decided before any is sent: one call for a document
 * that fits (its prompt built and counted once, here, and sent as it is), else a map call per
 * chunk; with `rider` where it rides ('none': the rider, if any, needs calls of its own). A run
 * sends what it plans, and `precis chunk` shows the same plan.
 */
export type SummaryPlan =
	| ({calls: 'single'; ride: 'whole' | 'none'; rider?: SummaryRider} & CountedPrompt)
	| ({calls: 'map'; ride: 'map' | 'none'; rider?: SummaryRider} & MapChunks);

/** A ridden map call must leave at least this many tokens for its chunk. */
const _minRiddenChunkTokens = 64;

/**
 * Plans a document's summary calls, with `rider` riding where it can, every prompt within the
 * context and a ridden call's output being the summary's plus the rider's. A document that fits one
 * summary call: one call, ridden ('whole') when the combined prompt fits too, else not (one summary
 * call and the rider's own calls cost fewer calls than splitting the document to carry it). A long
 * document: map calls, ridden ('map') when a ridden chunk keeps at least half the tokens of a
 * summary-only chunk (both capped by `chunk.maxTokens`) and at least 64 (at half the size riding
 * makes about as many calls as the summary's map calls plus the rider's own calls, reads the text
 * once instead of twice, and may generate up to twice as much: the trade is in docs/fields.md),
 * its chunks then cut to the ridden budget. Whether a document fits is decided on the count of the
 * prompt it would be sent in, so the whole text is tokenized once for it (twice when the ridden
 * prompt does not fit but the plain one might); a text far over the budget is not tokenized whole.
 */
export function planSummaryCalls(input: SummarizeInput, options: PlanSummaryOptions, rider?: SummaryRider): SummaryPlan {
	const {engine, summarize} = options;
	const reduceBudget = getTextBudget('reduce', input, options);
	if (reduceBudget <= 0) throw _noRoomError(options);
	if (!_isFarOver(input.text, reduceBudget)) {
		const plain = buildMessages('reduce', input.text, {title: input.title}, summarize);
		const ridden = rider === undefined ? undefined : _countIfFits(addRiderToMessages(plain, rider, 'reduce', summarize.style), summarize.maxOutputTokens + rider.outputTokens, engine);
		if (ridden !== undefined) return {calls: 'single', ride: 'whole', rider: rider!, ...ridden};
		const alone = _countIfFits(plain, summarize.maxOutputTokens, engine);
		if (alone !== undefined) return {calls: 'single', ride: 'none', ...alone};
	}
	const ridden = rider === undefined ? 0 : _getMapTextBudget(input, options, rider);
	const plain = _getMapTextBudget(input, options, undefined);
	const rides = rider !== undefined && ridden >= _minRiddenChunkTokens && _capChunk(ridden, options.chunk) * 2 >= _capChunk(plain, options.chunk);
	return rides ? {calls: 'map', ride: 'map', rider: rider!, ..._cutChunks(input, options, ridden)} : {calls: 'map', ride: 'none', ..._cutChunks(input, options, plain)};
}

/** The chunks a summary-only map stage cuts a document into (whether or not it fits one call): as large as a map prompt and its output allow, or `chunk.maxTokens` when smaller. */
export function planMapChunks(input: SummarizeInput, options: PlanSummaryOptions): MapChunks {
	return _cutChunks(input, options, _getMapTextBudget(input, options, undefined));
}

/** Tokens left for the text in a `kind` prompt of the summary alone, after its template, output and margin. */
export function getTextBudget(kind: PromptKind, input: Pick<SummarizeInput, 'title'>, options: Omit<PlanSummaryOptions, 'chunk'>): number {
	const {engine, summarize} = options;
	return engine.contextSize - summarize.maxOutputTokens - PROMPT_MARGIN_TOKENS - engine.countPromptTokens(buildMessages(kind, '', {title: input.title}, summarize));
}

/** `messages` counted, when they fit the context with `outputTokens` and the margin; else undefined. */
function _countIfFits(messages: ChatMessage[], outputTokens: number, engine: PlanSummaryOptions['engine']): CountedPrompt | undefined {
	const promptTokens = engine.countPromptTokens(messages);
	return promptTokens + outputTokens + PROMPT_MARGIN_TOKENS <= engine.contextSize ? {messages, promptTokens} : undefined;
}

function _cutChunks(input: SummarizeInput, options: PlanSummaryOptions, mapBudget: number): MapChunks {
	if (mapBudget <= 0) throw _noRoomError(options);
	const chunkTokens = _capChunk(mapBudget, options.chunk);
	const chunks = chunkText(input.text, {
		maxTokens: chunkTokens,
		overlapTokens: Math.min(options.chunk.overlapTokens, Math.floor(chunkTokens / 2)),
		countTokens: createSentTokenizer(options.engine.tokenizer).countTokens,
		...(input.pageStarts === undefined ? {} : {pageStarts: input.pageStarts}),
	});
	return {chunkTokens, chunks};
}

function _noRoomError({engine, summarize}: PlanSummaryOptions): EngineError {
	return new EngineError('E_PROMPT_TOO_LONG', `the context of ${engine.contextSize} tokens leaves no room for text after the prompt and ${summarize.maxOutputTokens} output tokens; raise engine.contextSize or lower summarize.maxOutputTokens`, {retryable: false});
}

/** Tokens left for a chunk's text in a map call (carrying `rider`, if given). */
function _getMapTextBudget(input: SummarizeInput, options: PlanSummaryOptions, rider: SummaryRider | undefined): number {
	const {engine, summarize} = options;
	const plain = buildMessages('map', '', {title: input.title}, summarize);
	const template = engine.countPromptTokens(rider === undefined ? plain : addRiderToMessages(plain, rider, 'map', summarize.style));
	return engine.contextSize - summarize.maxOutputTokens - (rider?.outputTokens ?? 0) - PROMPT_MARGIN_TOKENS - template;
}

function _capChunk(budget: number, chunk: PlanSummaryOptions['chunk']): number {
	return chunk.maxTokens > 0 ? Math.min(chunk.maxTokens, budget) : budget;
}

/**
 * Counts text as a prompt carries it: fenced, where `<<<` and `>>>` are broken up and may cost more
 * tokens than in the document. Every budget decision counts with it, so what is planned is what is sent.
 */
export function createSentTokenizer(tokenizer: Pick<Tokenizer, 'countTokens'>): Pick<Tokenizer, 'countTokens'> {
	return {countTokens: text => tokenizer.countTokens(fenceText(text))};
}

/** The tokens of `text` as sent; Infinity, without tokenizing, when it is clearly far over `budget`. */
export function countIfNear(text: string, budget: number, sent: Pick<Tokenizer, 'countTokens'>): number {
	return _isFarOver(text, budget) ? Number.POSITIVE_INFINITY : sent.countTokens(text);
}

/** Whether `text` is clearly far over `budget` tokens (more than 12 characters a token), known without tokenizing it. */
function _isFarOver(text: string, budget: number): boolean {
	return text.length > budget * 12;
}
