import type {Chunk} from '../chunk/chunkText.js';
import type {ChatMessage, Tokenizer} from '../engine/Engine.js';
import {EngineError} from '../errors.js';
import {formatNumberRanges} from '../text/formatNumberRanges.js';
import {buildMessages, createSummaryJsonSchema, type PromptKind, type PromptVariables} from './buildMessages.js';
import {cutToTokens} from './cutToTokens.js';
import {parseSummaryOutput} from './parseSummaryOutput.js';
import {countIfNear, createSentTokenizer, getTextBudget, planSummaryCalls, type CountedPrompt, type PlanSummaryOptions, type SummaryPlan} from './planSummaryCalls.js';
import type {SummarizeInput} from './SummarizeInput.js';
import type {SummarizeProgress} from './SummarizeProgress.js';
import {addRiderToMessages, createRiddenJsonSchema, splitRiddenOutput} from './SummaryRider.js';

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

export interface SummarizeDocumentOptions extends PlanSummaryOptions {
	callModel: CallModel;
	/** Told the document's plan once it is known, and each collapse or reduce level as it is added. */
	onProgress?: (progress: SummarizeProgress) => void;
	/**
	 * The document's calls as {@link planSummaryCalls} planned them with these options (planned here,
	 * with no rider, when absent): the caller plans, once, to know whether a rider needs calls of its
	 * own. A rider that rides has its answers in `riderAnswers`; collapse and reduce calls over
	 * partial summaries never carry it.
	 */
	plan?: SummaryPlan;
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
	const planned = options.plan ?? planSummaryCalls(input, options);
	const {rider, ride} = planned;
	const warnings: string[] = [];
	/** Each warning a ridden map call gave, with the parts (from 1) that gave it: one line for all of them, not one a part. */
	const partWarnings = new Map<string, number[]>();
	const maxTokens = summarize.maxOutputTokens;
	/** Tokens of a prompt's template; with `ridden`, as it carries the rider (what the plan reports for the calls that do). */
	const templateFor = (kind: PromptKind, ridden = false): number => {
		const plain = buildMessages(kind, '', variables, summarize);
		return engine.countPromptTokens(ridden && rider !== undefined && kind !== 'collapse' ? addRiderToMessages(plain, rider, kind, summarize.style) : plain);
	};
	const sent = createSentTokenizer(engine.tokenizer);
	const giveUp = new AbortController();
	const report = options.onProgress ?? (() => undefined);

	const riderAnswers: unknown[] = [];
	/** The rider a `kind` call for part `rideAt` carries: only where it rides, and never on a collapse. */
	const ridingOf = (kind: PromptKind, rideAt: number | undefined) => rideAt === undefined || rider === undefined || kind === 'collapse' ? undefined : {rider, kind};
	/** Sends one prompt, counted exactly; with `rideAt` (and a rider), it carries the rider too and its answer goes to `riderAnswers[rideAt]`. */
	const send = async (kind: PromptKind, level: number, {messages, promptTokens}: CountedPrompt, rideAt?: number): Promise<string> => {
		const riding = ridingOf(kind, rideAt);
		const callTokens = maxTokens + (riding?.rider.outputTokens ?? 0);
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
		if (split.warning !== undefined && kind === 'map') partWarnings.set(split.warning, [...partWarnings.get(split.warning) ?? [], rideAt! + 1]);
		else if (split.warning !== undefined) warnings.push(split.warning);
		riderAnswers[rideAt!] = split.answer;
		return split.summary.trim();
	};
	/** One call on `text`: its prompt built (carrying the rider where `rideAt` says) and counted before it is sent. */
	const call = async (kind: PromptKind, level: number, text: string, extra: Partial<PromptVariables> = {}, rideAt?: number): Promise<string> => {
		const plain = buildMessages(kind, text, {...variables, ...extra}, summarize);
		const riding = ridingOf(kind, rideAt);
		const messages = riding === undefined ? plain : addRiderToMessages(plain, riding.rider, riding.kind, summarize.style);
		return send(kind, level, {messages, promptTokens: engine.countPromptTokens(messages)}, rideAt);
	};
	const finish = (output: string, chunks: Chunk[], collapseLevels: number): DocumentSummary => {
		warnings.unshift(...[...partWarnings].map(([warning, parts]) => `${parts.length === 1 ? 'part' : 'parts'} ${formatNumberRanges(parts)} of ${chunks.length}: ${warning}`));
		return {...parseSummaryOutput(output, summarize.style, warnings), chunks, collapseLevels, ...stats, warnings, ...(ride === 'none' ? {} : {riderAnswers})};
	};

	const reduceBudget = getTextBudget('reduce', input, options);
	const collapseBudget = getTextBudget('collapse', input, options);
	// The first calls (the single one, or each map call) carry the rider where it rides; collapse and reduce never do.
	const plan = {
		type: 'document-planned', maxOutputTokens: maxTokens + (rider?.outputTokens ?? 0),
		reduceBudget, collapseBudget, templateTokens: templateFor('map'), maxDepth: summarize.maxDepth,
	} as const;
	const reduce = async (level: number, text: string): Promise<string> => {
		report({type: 'level-added', kind: 'reduce', level, calls: 1});
		return call('reduce', level, text);
	};
	if (planned.calls === 'single') {
		// The plan built and counted this prompt: it is sent as it is, not tokenized again.
		report({...plan, mapCalls: 0, promptTokens: planned.promptTokens});
		report({type: 'level-added', kind: 'reduce', level: 0, calls: 1});
		return finish(await send('reduce', 0, planned, ride === 'whole' ? 0 : undefined), [], 0);
	}

	const {chunks} = planned;
	const mapTemplate = templateFor('map', ride === 'map');
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

/** Whether `text` fits `budget` tokens. */
function _fits(text: string, budget: number, sent: Pick<Tokenizer, 'countTokens'>): boolean {
	return countIfNear(text, budget, sent) <= budget;
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
