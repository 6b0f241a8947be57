import {hasLetterMarker, opensListItem, readListItemMarker} from '../text/isListItemStart.js';
import {endsSentence} from '../text/splitSentences.js';
import {isTableRow} from './isTableRow.js';

/**
 * Where a cut at some offset of a text falls. A thought ends (see {@link endsThought}) at a
 * paragraph end (a blank line follows), a sentence end, a table's end (its last row, no row next)
 * or a list item's end (the next line opens an item). It does not end between two rows of one
 * table, inside a row (even after a full stop in a cell), after a line that ends with a colon (it
 * introduces what follows), after a heading, at the end of any other line (code, a link list,
 * verse) or inside a line.
 */
export type ChunkEnd =
	| 'document'
	| 'paragraph'
	| 'sentence'
	| 'table-end'
	| 'item-end'
	| 'heading'
	| 'between-rows'
	| 'colon'
	| 'line-end'
	| 'mid-row'
	| 'mid-line';

const _heading = /^ {0,3}#{1,6}\s+\S/u;
/** How much text around a cut is looked at: a sentence end needs the last few words, a row the line. */
const _lookAround = 400;

/** Classifies the cut of `text` at `end` (the end of a chunk, trimmed). */
export function classifyChunkEnd(text: string, end: number): ChunkEnd {
	const rest = text.slice(end, end + _lookAround);
	if (rest.trim() === '' && end + _lookAround >= text.length) return 'document';
	const head = text.slice(Math.max(0, end - _lookAround), end);
	const lastLine = head.slice(head.lastIndexOf('\n') + 1);
	const atLineEnd = /^[^\S\n]*\n/u.test(rest);
	if (atLineEnd && _heading.test(lastLine)) return 'heading';
	if (/^[^\S\n]*\n[^\S\n]*(?:\n|$)/u.test(rest)) return 'paragraph';
	const nextLine = /^[^\S\n]*\n([^\n]*)/u.exec(rest)?.[1] ?? '';
	if (atLineEnd && isTableRow(lastLine)) return isTableRow(nextLine) ? 'between-rows' : 'table-end';
	if (!atLineEnd && isTableRow(lastLine + (/^[^\n]*/u.exec(rest)?.[0] ?? ''))) return 'mid-row';
	if (endsSentence(head)) return 'sentence';
	if (!atLineEnd) return 'mid-line';
	if (opensListItem(readListItemMarker(nextLine), () => hasLetterMarker([...head.split('\n'), ...rest.split('\n').slice(2)]))) return 'item-end';
	return /:\s*$/u.test(lastLine) ? 'colon' : 'line-end';
}

/** Whether a cut of this kind ends a thought: a paragraph, sentence, table or list item ends there. */
export function endsThought(kind: ChunkEnd): boolean {
	return kind === 'document' || kind === 'paragraph' || kind === 'sentence' || kind === 'table-end' || kind === 'item-end';
}
