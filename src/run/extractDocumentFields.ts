import type {ResolvedConfig} from '../config/schema.js';
import type {Engine} from '../engine/Engine.js';
import {extractFields, getFieldsTextBudget, planItemBounds} from '../fields/extractFields.js';
import {toFieldItems, type FieldItem} from '../fields/FieldItem.js';
import type {FieldRecord, FieldResult} from '../store/FieldRecord.js';
import type {SourceDocument} from '../ingest/SourceDocument.js';
import type {Store} from '../store/Store.js';
import type {NormalizedText} from '../text/normalizeForMatch.js';
import type {CallModel} from '../summarize/summarizeDocument.js';
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
 * one call with room for text; throws E_CONFIG_INVALID with the numbers otherwise.
 */
export function assertFieldsFit(engine: Engine, config: FieldsConfig): void {
	const items = toFieldItems(config.fields, config.questions);
	if (items.length === 0) return;
	const call = _toCallSettings(config);
	// The longest title the prompt holds (buildFieldsMessages cuts longer ones).
	getFieldsTextBudget(items, planItemBounds(items, call.maxOutputTokens), {engine, call, title: 'x'.repeat(120)});
}

/**
 * Extracts a document's fields and answers, asking the model only for items whose result is not
 * stored for this content and definition (unless `force`), then records them all, in report order.
 */
export async function extractDocumentFields(
	file: string,
	document: Pick<SourceDocument, 'sha256' | 'text' | 'pageStarts'> & {title: string; normalized?: NormalizedText},
	options: {engine: Engine; store: Store; callModel: CallModel; config: FieldsConfig; force: boolean},
): Promise<DocumentFieldsResult> {
	const {store, config} = options;
	const keys = getFieldItemKeys(options.engine.id, config);
	const stored = options.force ? new Map<string, FieldResult>() : store.getFieldValues(document.sha256, [...keys.values()]);
	const missing = [...keys].filter(([, key]) => !stored.has(key)).map(([item]) => item);
	const usage = {llmCalls: 0, promptTokens: 0, outputTokens: 0};
	if (missing.length > 0) {
		const extraction = await extractFields(document, {
			engine: options.engine, callModel: options.callModel, items: missing, chunk: config.chunk,
			call: _toCallSettings(config),
		});
		const fresh = new Map(missing.map(item => [keys.get(item)!, extraction.items.get(item.id)!]));
		store.putFieldValues(document.sha256, fresh);
		Object.assign(usage, {llmCalls: extraction.calls - extraction.cachedCalls, promptTokens: extraction.promptTokens, outputTokens: extraction.outputTokens});
		for (const [key, result] of fresh) stored.set(key, result);
	}
	const items = [...keys].map(([item, key]): FieldRecord => ({
		id: item.id, kind: item.kind, ...(item.kind === 'question' ? {question: item.description} : {}), ...stored.get(key)!,
	}));
	store.putDocumentFields(file, document.sha256, items);
	return {items, reused: keys.size - missing.length, ...usage, warnings: items.flatMap(item => item.warnings)};
}

function _toCallSettings(config: FieldsConfig) {
	const {maxOutputTokens, temperature, seed, prompts} = config.summarize;
	return {maxOutputTokens, temperature, seed, system: prompts.system};
}
