import type {DocumentRecord} from '../store/DocumentRecord.js';

/** Writes records as one pretty-printed JSON array (UTF-8 text, `key_points` as an array, `null` kept). */
export function exportJson(records: readonly DocumentRecord[]): string {
	return `${JSON.stringify(records, null, 2)}\n`;
}
