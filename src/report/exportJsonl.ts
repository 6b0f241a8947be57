import type {DocumentRecord} from '../store/DocumentRecord.js';

/**
 * Writes records as JSON Lines: one compact JSON object per line, each ending in `\n`. U+0085,
 * U+2028 and U+2029 are escaped too (JSON.stringify leaves them raw), since some line readers, such
 * as Python's `str.splitlines`, split on them.
 */
export function exportJsonl(records: readonly DocumentRecord[]): string {
	return records.map(record => `${JSON.stringify(record).replaceAll(/[\u0085\u2028\u2029]/g, _escapeCharacter)}\n`).join('');
}

function _escapeCharacter(character: string): string {
	return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
