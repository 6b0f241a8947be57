import type {FieldValue} from '../store/FieldRecord.js';
import type {FieldItem} from './FieldItem.js';

/** A value turned into its item's type, or null with the reason it was dropped. */
export interface CoercedValue {
	value: FieldValue;
	/** Set when a non-null answer could not be read as the item's type. */
	warning?: string;
}

const _isoDay = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a model's answer as the item's type: numbers from numeric text (`"1,200.50"`, `"$ 3"`),
 * booleans from yes/no words, dates as ISO 8601 days (a real calendar day), enum members
 * case-insensitively, lists as trimmed distinct strings. Empty text is null. An answer of the
 * wrong type (a server that ignored the schema) becomes null with a warning, never an exception.
 */
export function coerceFieldValue(item: Pick<FieldItem, 'id' | 'type' | 'values'>, raw: unknown): CoercedValue {
	if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return {value: null};
	const value = _coerce(item, raw);
	if (value !== undefined) return {value};
	const shown = typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
	return {value: null, warning: `${item.id}: expected ${_expected(item)}, got ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}; stored as null`};
}

function _coerce(item: Pick<FieldItem, 'type' | 'values'>, raw: unknown): Exclude<FieldValue, null> | undefined {
	switch (item.type) {
		case 'string':
			return typeof raw === 'string' ? raw.trim() : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
		case 'number':
			return _toNumber(raw);
		case 'integer': {
			const number = _toNumber(raw);
			return number !== undefined && Number.isSafeInteger(number) ? number : undefined;
		}
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (typeof raw !== 'string') return undefined;
			return /^(true|yes|y)$/i.test(raw.trim()) ? true : /^(false|no|n)$/i.test(raw.trim()) ? false : undefined;
		case 'date':
			return typeof raw === 'string' ? _toIsoDay(raw.trim()) : undefined;
		case 'enum':
			return typeof raw === 'string' ? item.values?.find(member => member.toLowerCase() === raw.trim().toLowerCase()) : undefined;
		case 'list': {
			const entries = Array.isArray(raw) ? raw : [raw];
			if (!entries.every(entry => typeof entry === 'string' || typeof entry === 'number')) return undefined;
			const list = [...new Set(entries.map(entry => String(entry).trim()).filter(entry => entry !== ''))];
			return list.length === 0 ? undefined : list;
		}
	}
}

function _toNumber(raw: unknown): number | undefined {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
	if (typeof raw !== 'string') return undefined;
	const match = /^[^\d+-]{0,4}([+-]?\d[\d,\s\u00a0]*(?:\.\d+)?)[^\d]{0,12}$/u.exec(raw.trim());
	if (match === null) return undefined;
	const number = Number(match[1]!.replace(/[,\s\u00a0]/gu, ''));
	return Number.isFinite(number) ? number : undefined;
}

/** `YYYY-MM-DD` of a real calendar day, from an ISO date or date-time. */
function _toIsoDay(text: string): string | undefined {
	const match = _isoDay.exec(text);
	if (match === null) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return `${match[1]}-${match[2]}-${match[3]}`;
}

function _expected(item: Pick<FieldItem, 'type' | 'values'>): string {
	if (item.type === 'enum') return `one of ${(item.values ?? []).join(', ')}`;
	if (item.type === 'date') return 'a date as YYYY-MM-DD';
	return item.type === 'integer' ? 'an integer' : item.type === 'list' ? 'a list of strings' : `a ${item.type}`;
}
