import type {ResolvedConfig} from '../config/schema.js';
import type {DocumentRecord} from '../store/DocumentRecord.js';
import type {FieldRecord, FieldValue} from '../store/FieldRecord.js';
import {formatNumberRanges} from '../text/formatNumberRanges.js';

/** One field or answer as the JSON reports nest it. */
export interface FieldEntry {
	value: FieldValue;
	pages: number[];
	evidence: string[];
	supported: boolean | null;
	conflicts: FieldValue[];
}

/** The report columns of a pipeline's fields and questions, filled from the stored results. */
export interface FieldColumns {
	/** CSV header: each field's name and `<name>_pages`, in field order, then `q1`, `q1_pages`, … */
	header: string[];
	/** The CSV cells of a record, in header order; empty when the document has no (current) result. */
	cells(record: DocumentRecord): Array<string | null>;
	/** A record with `fields: {name: entry}` and `answers: {q1: entry & {question}}` added, for JSON and JSON Lines. */
	nest(record: DocumentRecord): DocumentRecord & {fields: Record<string, FieldEntry>; answers: Record<string, FieldEntry & {question: string}>};
}

/**
 * Report columns for the configured `fields` and `questions` (undefined when there are none), from
 * the results stored per document. A result extracted from other content than the record's (the
 * file changed since) is left out. CSV cells are text: numbers and booleans as JSON writes them,
 * dates as YYYY-MM-DD, lists joined with "; ", pages as ranges ("2-4; 7", as formatNumberRanges writes them).
 */
export function createFieldColumns(config: Pick<ResolvedConfig, 'fields' | 'questions'>, stored: ReadonlyMap<string, {sha256: string; items: FieldRecord[]}>): FieldColumns | undefined {
	const ids = [...config.fields.map(field => field.name), ...config.questions.map((_, index) => `q${index + 1}`)];
	if (ids.length === 0) return undefined;
	const itemsOf = (record: DocumentRecord): Map<string, FieldRecord> => {
		const found = stored.get(record.path);
		return found === undefined || found.sha256 !== record.sha256 ? new Map() : new Map(found.items.map(item => [item.id, item]));
	};
	return {
		header: ids.flatMap(id => [id, `${id}_pages`]),
		cells(record) {
			const items = itemsOf(record);
			return ids.flatMap(id => {
				const item = items.get(id);
				return item === undefined ? [null, null] : [_formatValue(item.value), item.value === null ? null : formatNumberRanges(item.pages)];
			});
		},
		nest(record) {
			const items = itemsOf(record);
			const entry = (id: string): FieldEntry => {
				const item = items.get(id);
				return {value: item?.value ?? null, pages: item?.pages ?? [], evidence: item?.evidence ?? [], supported: item?.supported ?? null, conflicts: item?.conflicts ?? []};
			};
			return {
				...record,
				fields: Object.fromEntries(config.fields.map(field => [field.name, entry(field.name)])),
				answers: Object.fromEntries(config.questions.map((question, index) => [`q${index + 1}`, {question, ...entry(`q${index + 1}`)}])),
			};
		},
	};
}

function _formatValue(value: FieldValue): string | null {
	if (value === null) return null;
	return Array.isArray(value) ? value.join('; ') : String(value);
}
