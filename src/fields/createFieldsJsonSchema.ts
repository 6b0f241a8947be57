import type {FieldBounds} from '../config/planFieldBounds.js';
import type {FieldItem} from './FieldItem.js';

/**
 * The JSON schema a fields call is constrained to: `{"<id>": {"value": …, "evidence": "…"}, …}`
 * in item order. A value is null-able unless its field is required; strings, lists and quotes are
 * bounded (`bounds`) so the whole answer fits the call's output tokens. Only constructs both
 * node-llama-cpp's grammar and llama-server/OpenAI `json_schema` accept are used.
 */
export function createFieldsJsonSchema(items: readonly FieldItem[], bounds: FieldBounds): Record<string, unknown> {
	const properties = Object.fromEntries(items.map(item => [item.id, {
		type: 'object',
		properties: {value: _createValueSchema(item, bounds), evidence: {type: 'string', maxLength: bounds.evidenceChars}},
		required: ['value', 'evidence'],
		additionalProperties: false,
	}]));
	return {type: 'object', properties, required: items.map(item => item.id), additionalProperties: false};
}

/** The schema of answers merged from several parts of a document: `{"q1": {"value": "…"|null}, …}`. */
export function createAnswerMergeJsonSchema(items: readonly FieldItem[], bounds: FieldBounds): Record<string, unknown> {
	const properties = Object.fromEntries(items.map(item => [item.id, {
		type: 'object', properties: {value: _createValueSchema(item, bounds)}, required: ['value'], additionalProperties: false,
	}]));
	return {type: 'object', properties, required: items.map(item => item.id), additionalProperties: false};
}

function _createValueSchema(item: FieldItem, bounds: FieldBounds): Record<string, unknown> {
	const value = _createNonNullSchema(item, bounds);
	if (item.required) return value;
	if ('enum' in value) return {enum: [...(value['enum'] as string[]), null]};
	return {oneOf: [value, {type: 'null'}]};
}

function _createNonNullSchema(item: FieldItem, bounds: FieldBounds): Record<string, unknown> {
	switch (item.type) {
		case 'string':
			return {type: 'string', maxLength: item.kind === 'question' ? bounds.answerChars : bounds.stringChars};
		case 'number':
		case 'integer':
		case 'boolean':
			return {type: item.type};
		case 'date':
			return {type: 'string', format: 'date'};
		case 'enum':
			return {enum: [...(item.values ?? [])]};
		case 'list':
			return {type: 'array', items: {type: 'string', maxLength: bounds.listItemChars}, maxItems: bounds.listItems};
	}
}
