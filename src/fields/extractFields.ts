import {chunkText} from '../chunk/chunkText.js';
import {planFieldBounds, type FieldBounds} from '../config/planFieldBounds.js';
import type {ChatMessage, Engine} from '../engine/Engine.js';
import {PipelineError} from '../errors.js';
import {PROMPT_MARGIN_TOKENS} from '../summarize/planSummaryCalls.js';
import type {CallModel} from '../summarize/summarizeDocument.js';
import type {SummaryRider} from '../summarize/SummaryRider.js';
import {buildAnswerMergeMessages, buildFieldsMessages, describeFieldItems, type FieldsPromptContext} from './buildFieldsMessages.js';
import {createAnswerMergeJsonSchema, createFieldsJsonSchema} from './createFieldsJsonSchema.js';
import type {FieldResult} from '../store/FieldRecord.js';
import type {FieldItem} from './FieldItem.js';
import type {NormalizedText} from '../text/normalizeForMatch.js';
import {createEvidenceSource} from './locateEvidence.js';
import {mergeFieldAnswers} from './mergeFieldAnswers.js';
import {parseFieldsOutput, readFieldAnswers, type ItemAnswer} from './parseFieldsOutput.js';

export interface FieldsInput {
	text: string;
	title: string;
	/** Character offset of each page's start in `text`. */
	pageStarts: readonly number[];
	/** `text` normalized for matching, when the caller has it (shared with the summary checker). */
	normalized?: NormalizedText;
}

export interface ExtractFieldsOptions {
	engine: Pick<Engine, 'contextSize' | 'countPromptTokens' | 'tokenizer'>;
	callModel: CallModel;
	/** The fields and questions to ask (all, or those not stored yet). */
	items: readonly FieldItem[];
	/** Output tokens of one call, sampling, and the system message shared with the summary calls. */
	call: {maxOutputTokens: number; temperature: number; seed: number; system: string};
	/** Chunk size cap (0: as large as the context allows) and overlap, in tokens, as for summaries. */
	chunk: {maxTokens: number; overlapTokens: number};
}

export interface FieldsExtraction {
	items: Map<string, FieldResult>;
	/** Parts the text was read in: 1 when it fit one call. */
	parts: number;
	calls: number;
	cachedCalls: number;
	promptTokens: number;
	outputTokens: number;
}

/** A part's text shorter than this would need too many calls to be worth it. */
const _minTextTokens = 64;

/**
 * Extracts fields and answers questions for one document: one call for all items when the text fits
 * the context, otherwise one call per chunk, merged by type (mergeFieldAnswers); questions answered
 * differently in several chunks get one more call that merges their answers. Every call's output
 * is constrained to the items' JSON schema and bounded to fit `call.maxOutputTokens`.
 */
export async function extractFields(input: FieldsInput, options: ExtractFieldsOptions): Promise<FieldsExtraction> {
	const {items} = options;
	const bounds = planItemBounds(items, options.call.maxOutputTokens);
	const stats = _createStats();
	const ask = _createAsk(options, stats);
	const context: FieldsPromptContext = {title: input.title, system: options.call.system};
	const schema = createFieldsJsonSchema(items, bounds);
	const whole = buildFieldsMessages(input.text, items, bounds, context);
	const texts = _fitsWhole(whole, input.text, options) ? [input.text] : _planParts(input, items, bounds, options);
	const parts = await Promise.all(texts.map(async (text, index) => {
		const where = texts.length === 1 ? 'the document' : `part ${index + 1} of ${texts.length}`;
		const messages = texts.length === 1 ? whole : buildFieldsMessages(text, items, bounds, {...context, part: index + 1, parts: texts.length});
		return parseFieldsOutput(await ask(messages, schema, 0), items, where);
	}));
	await _mergeParts(input, parts, {bounds, context, ask, options}, stats);
	return stats;
}

/**
 * What fields ask when they ride on a document's summary calls (see planSummaryCalls): the same
 * instructions, schema and bounds as a fields call, and the same output tokens on top of the summary's.
 */
export function createFieldsRider(items: readonly FieldItem[], call: Pick<ExtractFieldsOptions['call'], 'maxOutputTokens'>): SummaryRider {
	const bounds = planItemBounds(items, call.maxOutputTokens);
	return {key: 'fields', outputTokens: call.maxOutputTokens, instructions: describeFieldItems(items, bounds), jsonSchema: createFieldsJsonSchema(items, bounds)};
}

/**
 * A document's fields from the answers they got riding on its summary calls (one per call, in
 * document order), merged as {@link extractFields} merges its parts, with the merge call for
 * questions when needed. `calls` counts only that merge call: the others are the summary's.
 */
export async function mergeRiddenFields(input: FieldsInput, answers: readonly unknown[], options: ExtractFieldsOptions): Promise<FieldsExtraction> {
	const {items} = options;
	const stats = _createStats();
	const parts = answers.map((answer, index) => readFieldAnswers(answer, items, answers.length === 1 ? 'the document' : `part ${index + 1} of ${answers.length}`));
	const context: FieldsPromptContext = {title: input.title, system: options.call.system};
	await _mergeParts(input, parts, {bounds: planItemBounds(items, options.call.maxOutputTokens), context, ask: _createAsk(options, stats), options}, stats);
	return stats;
}

function _createStats(): FieldsExtraction {
	return {items: new Map(), parts: 0, calls: 0, cachedCalls: 0, promptTokens: 0, outputTokens: 0};
}

/** Asks one fields call, counted before it is sent, and adds it to `stats`. */
function _createAsk(options: ExtractFieldsOptions, stats: FieldsExtraction): _MergeContext['ask'] {
	const {engine, call} = options;
	return async (messages, jsonSchema, level) => {
		const promptTokens = engine.countPromptTokens(messages);
		const result = await options.callModel({kind: 'fields', level, messages, promptTokens, maxTokens: call.maxOutputTokens, temperature: call.temperature, seed: call.seed, jsonSchema});
		stats.calls++;
		if (result.cached) stats.cachedCalls++;
		stats.promptTokens += promptTokens;
		stats.outputTokens += result.outputTokens;
		return result.text;
	};
}

/** Merges the parts' answers by type into `stats.items`, then questions answered differently in one more call. */
async function _mergeParts(input: FieldsInput, parts: ReadonlyArray<ReadonlyMap<string, ItemAnswer>>, merge: _MergeContext, stats: FieldsExtraction): Promise<void> {
	stats.parts = parts.length;
	const merged = mergeFieldAnswers(merge.options.items, parts, createEvidenceSource(input.text, input.pageStarts, input.normalized));
	stats.items = merged.items;
	if (merged.pendingAnswers.size > 0) await _mergeAnswers(merged.pendingAnswers, merged.items, merge);
}

/** The bounds of one call's answer for these items; E_CONFIG_INVALID when they cannot fit `maxOutputTokens`. */
export function planItemBounds(items: readonly FieldItem[], maxOutputTokens: number): FieldBounds {
	const fields = items.filter(item => item.kind === 'field').map(item => ({name: item.id, type: item.type, values: item.values}));
	const bounds = planFieldBounds({fields, questionCount: items.length - fields.length, maxOutputTokens});
	if (bounds === undefined) throw new PipelineError('E_CONFIG_INVALID', `fields: ${items.length} fields and questions do not fit summarize.maxOutputTokens (${maxOutputTokens}): raise it or ask fewer`, {retryable: false});
	return bounds;
}

function _fitsWhole(messages: ChatMessage[], text: string, options: ExtractFieldsOptions): boolean {
	const {engine} = options;
	const budget = engine.contextSize - options.call.maxOutputTokens - PROMPT_MARGIN_TOKENS;
	if (text.length > budget * 12) return false;
	return engine.countPromptTokens(messages) <= budget;
}

/** The texts of a long document's parts: chunks as large as a fields prompt and its output allow. */
function _planParts(input: FieldsInput, items: readonly FieldItem[], bounds: FieldBounds, options: ExtractFieldsOptions): string[] {
	const {engine} = options;
	const budget = getFieldsTextBudget(items, bounds, {...options, title: input.title});
	const maxTokens = options.chunk.maxTokens > 0 ? Math.min(options.chunk.maxTokens, budget) : budget;
	return chunkText(input.text, {
		maxTokens,
		overlapTokens: Math.min(options.chunk.overlapTokens, Math.floor(maxTokens / 2)),
		countTokens: text => engine.tokenizer.countTokens(text),
	}).map(chunk => chunk.text);
}

/**
 * Tokens left for a part's text in a fields call, by the model's own tokenizer. Throws
 * E_CONFIG_INVALID, with the numbers, when the instructions and the answer leave too little.
 */
export function getFieldsTextBudget(items: readonly FieldItem[], bounds: FieldBounds, options: Pick<ExtractFieldsOptions, 'engine' | 'call'> & {title: string}): number {
	const {engine, call} = options;
	const template = engine.countPromptTokens(buildFieldsMessages('', items, bounds, {title: options.title, system: call.system, part: 9999, parts: 9999}));
	const budget = engine.contextSize - call.maxOutputTokens - PROMPT_MARGIN_TOKENS - template;
	if (budget < _minTextTokens) {
		throw new PipelineError('E_CONFIG_INVALID', `fields: the instructions of ${items.length} fields and questions take ${template} tokens and their answer ${call.maxOutputTokens} (summarize.maxOutputTokens), leaving ${Math.max(0, budget)} of the context's ${engine.contextSize} tokens for text, under the ${_minTextTokens} needed: raise engine.contextSize or ask fewer fields`, {retryable: false});
	}
	return budget;
}

interface _MergeContext {
	bounds: FieldBounds;
	context: FieldsPromptContext;
	ask: (messages: ChatMessage[], jsonSchema: Record<string, unknown>, level: number) => Promise<string>;
	options: ExtractFieldsOptions;
}

/**
 * One call merges the answers each question got from several parts; the merged answer keeps the
 * evidence and pages of the answers it came from. When the answers are too long for one prompt, or
 * the merged answer is unusable, the first answer stays, with a warning.
 */
async function _mergeAnswers(pending: Map<FieldItem, string[]>, results: Map<string, FieldResult>, merge: _MergeContext): Promise<void> {
	const {engine, call} = merge.options;
	const messages = buildAnswerMergeMessages(pending, merge.context);
	const questions = [...pending.keys()];
	if (engine.countPromptTokens(messages) + call.maxOutputTokens + PROMPT_MARGIN_TOKENS > engine.contextSize) {
		for (const item of questions) results.get(item.id)?.warnings.push(`${item.id}: answers from ${pending.get(item)?.length} parts are too long to merge in one call; the first is kept`);
		return;
	}
	const merged = parseFieldsOutput(await merge.ask(messages, createAnswerMergeJsonSchema(questions, merge.bounds), 1), questions, 'the merge of answers');
	for (const item of questions) {
		const answer = merged.get(item.id);
		const result = results.get(item.id);
		if (result === undefined) continue;
		if (answer?.value === null || answer === undefined) result.warnings.push(...(answer?.warnings ?? []), `${item.id}: the merged answer is empty; the first part's answer is kept`);
		else result.value = answer.value;
	}
}
