import type {ResolvedConfig} from '../config/schema.js';
import type {Engine} from '../engine/Engine.js';
import {extractFields, getFieldsTextBudget, planItemBounds, type ExtractFieldsOptions, type FieldsExtraction, type FieldsInput} from '../fields/extractFields.js';
import {toFieldItems, type FieldItem} from '../fields/FieldItem.js';
import type {FieldRecord, FieldResult} from '../store/FieldRecord.js';
import type {Store} from '../store/Store.js';
import {hashJson} from './hashJson.js';

export type FieldsConfig = Pick<ResolvedConfig, 'fields' | 'questions' | 'chunk' | 'summarize'> & {engine: Pick<ResolvedConfig['engine'], 'contextSize' | 'maxContextSize'>};

export interface DocumentFieldsResult {
	items: FieldRecord[];
	/** Items answered from the store without asking the model. */
	reused: number;
	/** Model calls made (not served from the call cache), and their tokens. */
	llmCalls: number;
	promptTokens: number;
	outputTokens: number;
	warnings: string[];
}

/** Each item's key: what decides its value (engine, settings that shape the call, its definition). */
export function getFieldItemKeys(engineId: string, config: FieldsConfig): Map<FieldItem, string> {
	const {contextSize, maxContextSize} = config.engine;
	const {maxOutputTokens, temperature, seed, prompts} = config.summarize;
	const settings = {engine: engineId, context: {contextSize, maxContextSize}, chunk: config.chunk, call: {maxOutputTokens, temperature, seed: temperature > 0 ? seed : null, system: prompts.system}};
	return new Map(toFieldItems(config.fields, config.questions).map(item => [item, hashJson({...settings, item})]));
}

/** The key of a whole field set, part of a document's done-key; undefined when none is configured. */
export function getFieldsKey(engineId: string, config: FieldsConfig): string | undefined {
	const keys = [...getFieldItemKeys(engineId, config).values()];
	return keys.length === 0 ? undefined : hashJson(keys);
}

/**
 * Checks, once the engine is loaded and before any document is read, that the whole field set fits
 * one fields call of its own with room for text (the way every document can fall back to when the
 * fields cannot ride on its summary calls); throws E_CONFIG_INVALID with the numbers otherwise.
 */
export function assertFieldsFit(engine: Engine, config: FieldsConfig): void {
	const items = toFieldItems(config.fields, config.questions);
	if (items.length === 0) return;
	const call = _toCallSettings(config);
	// The longest title the prompt holds (buildFieldsMessages cuts longer ones).
	getFieldsTextBudget(items, planItemBounds(items, call.maxOutputTokens), {engine, call, title: 'x'.repeat(120)});
}

/** A document's fields and questions, each with its key, and those whose result is not stored yet. */
export interface DocumentFieldsPlan {
	keys: Map<FieldItem, string>;
	stored: Map<string, FieldResult>;
	/** The items to ask the model: all with `force`, else those without a stored result for this content and definition. */
	missing: FieldItem[];
}

export function planDocumentFields(sha256: string, options: {engineId: string; store: Store; config: FieldsConfig; force: boolean}): DocumentFieldsPlan {
	const keys = getFieldItemKeys(options.engineId, options.config);
	const stored = options.force ? new Map<string, FieldResult>() : options.store.getFieldValues(sha256, [...keys.values()]);
	return {keys, stored, missing: [...keys].filter(([, key]) => !stored.has(key)).map(([item]) => item)};
}

/** The options of the calls that ask the plan's missing items: fields calls of their own, or fields riding on summary calls. */
export function getFieldsCallOptions(plan: DocumentFieldsPlan, options: Pick<ExtractFieldsOptions, 'engine' | 'callModel'> & {config: FieldsConfig}): ExtractFieldsOptions {
	return {engine: options.engine, callModel: options.callModel, items: plan.missing, chunk: options.config.chunk, call: _toCallSettings(options.config)};
}

/** Asks the plan's missing items in fields calls of their own (see extractFields); undefined when every item is stored. */
export async function extractDocumentFields(document: FieldsInput, plan: DocumentFieldsPlan, options: Pick<ExtractFieldsOptions, 'engine' | 'callModel'> & {config: FieldsConfig}): Promise<FieldsExtraction | undefined> {
	return plan.missing.length === 0 ? undefined : extractFields(document, getFieldsCallOptions(plan, options));
}

/**
 * Records a document's fields and answers, in report order: the stored ones and `fresh` (the
 * results of the plan's missing items, however they were asked), which are stored by item key too.
 */
export function recordDocumentFields(file: string, sha256: string, plan: DocumentFieldsPlan, fresh: FieldsExtraction | undefined, store: Store): DocumentFieldsResult {
	const usage = {llmCalls: 0, promptTokens: 0, outputTokens: 0};
	const stored = new Map(plan.stored);
	if (fresh !== undefined) {
		const results = new Map(plan.missing.map(item => [plan.keys.get(item)!, fresh.items.get(item.id)!]));
		store.putFieldValues(sha256, results);
		Object.assign(usage, {llmCalls: fresh.calls - fresh.cachedCalls, promptTokens: fresh.promptTokens, outputTokens: fresh.outputTokens});
		for (const [key, result] of results) stored.set(key, result);
	}
	const items = [...plan.keys].map(([item, key]): FieldRecord => ({
		id: item.id, kind: item.kind, ...(item.kind === 'question' ? {question: item.description} : {}), ...stored.get(key)!,
	}));
	store.putDocumentFields(file, sha256, items);
	return {items, reused: plan.keys.size - plan.missing.length, ...usage, warnings: items.flatMap(item => item.warnings)};
}

function _toCallSettings(config: FieldsConfig) {
	const {maxOutputTokens, temperature, seed, prompts} = config.summarize;
	return {maxOutputTokens, temperature, seed, system: prompts.system};
}
