import {closeTruncatedJson} from '../summarize/closeTruncatedJson.js';
import {coerceFieldValue} from './coerceFieldValue.js';
import type {FieldValue} from '../store/FieldRecord.js';
import type {FieldItem} from './FieldItem.js';

/** What one call said about one item: its typed value and its evidence quote. */
export interface ItemAnswer {
	value: FieldValue;
	evidence: string;
	warnings: string[];
}

/**
 * Reads one fields call's output into typed answers, one per item (missing items are null). Output
 * cut at the token limit is closed first, so the items it completed are kept. Output that is not
 * JSON, or an item that does not match its type, becomes null with a warning.
 */
export function parseFieldsOutput(output: string, items: readonly FieldItem[], where: string): Map<string, ItemAnswer> {
	return readFieldAnswers(_parseObject(output), items, where);
}

/**
 * Reads an already parsed answer (a fields call's, or the fields part of a summary call they rode
 * on) into typed answers, one per item; anything but an object gives nulls with a warning.
 */
export function readFieldAnswers(answer: unknown, items: readonly FieldItem[], where: string): Map<string, ItemAnswer> {
	const parsed = typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? answer as Record<string, unknown> : undefined;
	const answers = new Map<string, ItemAnswer>();
	for (const item of items) {
		if (parsed === undefined) {
			answers.set(item.id, {value: null, evidence: '', warnings: [`${item.id}: the model's answer in ${where} is not JSON; stored as null`]});
			continue;
		}
		const entry = parsed[item.id];
		const record = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry as Record<string, unknown> : {value: entry};
		const coerced = coerceFieldValue(item, record['value']);
		const evidence = typeof record['evidence'] === 'string' ? record['evidence'].trim() : '';
		answers.set(item.id, {value: coerced.value, evidence: coerced.value === null ? '' : evidence, warnings: coerced.warning === undefined ? [] : [`${coerced.warning} (${where})`]});
	}
	return answers;
}

function _parseObject(output: string): Record<string, unknown> | undefined {
	const text = output.trim();
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		value = text.startsWith('{') ? closeTruncatedJson(text) : undefined;
	}
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}
