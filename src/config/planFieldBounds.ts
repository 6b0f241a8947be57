import type {FieldDefinition} from './schema.js';

/** How long each part of a fields answer may be, so that the whole answer fits the output tokens. */
export interface FieldBounds {
	/** Most characters of an evidence quote. */
	evidenceChars: number;
	/** Most characters of a `string` value and of a question's answer. */
	stringChars: number;
	answerChars: number;
	/** Most items of a `list` value, and characters of each. */
	listItems: number;
	listItemChars: number;
}

/** What the planner needs of a field list and its questions. */
export interface FieldBoundsInput {
	fields: ReadonlyArray<{name: string; type: FieldDefinition['type']; values?: readonly string[] | undefined}>;
	questionCount: number;
	maxOutputTokens: number;
}

/** Characters per output token assumed for planning: below English prose's ~4, for JSON escapes and names. */
export const PLANNING_CHARS_PER_TOKEN = 3;
/** Evidence quotes shorter than this cannot carry a value: a field set that leaves less does not fit. */
export const MIN_EVIDENCE_CHARS = 24;
const _listItems = 5;
/** Tokens of an answer's outer braces and section keys, and of one item's keys and punctuation. */
const _answerOverheadTokens = 16;
const _itemOverheadTokens = 10;

/**
 * Splits the output tokens of one fields call among its items: fixed-size values (numbers, dates,
 * booleans, enum members) first, then evidence quotes, strings, list items and answers share the
 * rest by weight (an answer counts double). Returns undefined when the quotes would get fewer than
 * {@link MIN_EVIDENCE_CHARS} characters: the field set is too large for `maxOutputTokens`.
 */
export function planFieldBounds(input: FieldBoundsInput): FieldBounds | undefined {
	const items = input.fields.length + input.questionCount;
	let fixedTokens = _answerOverheadTokens;
	let weights = 0;
	for (const field of input.fields) {
		fixedTokens += _itemOverheadTokens + Math.ceil(field.name.length / PLANNING_CHARS_PER_TOKEN) + _fixedValueTokens(field);
		weights += 1 + (field.type === 'string' ? 1 : field.type === 'list' ? 1.5 : 0);
	}
	fixedTokens += input.questionCount * (_itemOverheadTokens + 1);
	weights += input.questionCount * 3;
	const unit = items === 0 ? Number.POSITIVE_INFINITY : ((input.maxOutputTokens - fixedTokens) * PLANNING_CHARS_PER_TOKEN) / weights;
	if (unit < MIN_EVIDENCE_CHARS) return undefined;
	return {
		evidenceChars: Math.min(160, Math.floor(unit)),
		stringChars: Math.min(240, Math.floor(unit)),
		answerChars: Math.min(600, Math.floor(unit * 2)),
		listItems: _listItems,
		listItemChars: Math.min(80, Math.max(8, Math.floor((unit * 1.5) / _listItems))),
	};
}

/** Smallest output tokens that give every quote {@link MIN_EVIDENCE_CHARS}: the figure a too-large field set is told. */
export function getMinFieldOutputTokens(input: Omit<FieldBoundsInput, 'maxOutputTokens'>): number {
	let low = 1;
	let high = 1 << 20;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (planFieldBounds({...input, maxOutputTokens: middle}) === undefined) low = middle + 1;
		else high = middle;
	}
	return low;
}

function _fixedValueTokens(field: FieldBoundsInput['fields'][number]): number {
	switch (field.type) {
		case 'boolean':
			return 2;
		case 'date':
			return 6;
		case 'number':
		case 'integer':
			return 8;
		case 'enum':
			return 2 + Math.ceil(Math.max(4, ...(field.values ?? []).map(value => value.length)) / PLANNING_CHARS_PER_TOKEN);
		default:
			return 2;
	}
}
