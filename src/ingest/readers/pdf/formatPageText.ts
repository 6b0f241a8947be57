import {joinHyphenatedWord} from '../../../text/joinHyphenatedWord.js';
import {median} from './median.js';
import {normalizePdfText} from './normalizePdfText.js';
import {orderSegments} from './orderSegments.js';
import type {PdfSegment} from './PdfSegment.js';

/** A line gap this many times the page's usual line pitch (or larger) starts a new paragraph. */
const _paragraphGap = 1.4;
/** A change of font size by this ratio between two lines starts a new paragraph (headings). */
const _sizeChange = 1.25;

/**
 * Writes a page's segments as text: each orientation read in order (the one with most text first),
 * lines joined by newlines, paragraphs (vertical gaps, font size changes) by blank lines, and words
 * hyphenated across a line end rejoined. `knownWords` (see collectKnownWords) keeps compounds
 * such as "well-known" whole.
 */
export function formatPageText(segments: readonly PdfSegment[], knownWords: ReadonlySet<string>): string {
	const byTurn = new Map<number, PdfSegment[]>();
	for (const segment of segments) {
		const group = byTurn.get(segment.turn);
		if (group === undefined) byTurn.set(segment.turn, [segment]);
		else group.push(segment);
	}
	return [...byTurn.values()]
		.sort((left, right) => _countChars(right) - _countChars(left))
		.map(group => _formatLines(orderSegments(group), knownWords))
		.filter(text => text !== '')
		.join('\n\n');
}

function _formatLines(lines: readonly PdfSegment[], knownWords: ReadonlySet<string>): string {
	const pitches: number[] = [];
	for (let index = 1; index < lines.length; index++) {
		const gap = lines[index]!.y - lines[index - 1]!.y;
		if (gap > 0 && gap < 3 * lines[index]!.size) pitches.push(gap);
	}
	const pitch = median(pitches);
	const output: string[] = [];
	let current = ''; // the output line being built, so hyphen checks look at it alone
	let previous: PdfSegment | undefined;
	let softBreak = false;
	let right = -Infinity;
	for (const line of lines) {
		const clean = normalizePdfText(line.text);
		if (clean === '') continue;
		if (previous !== undefined && line.y < previous.y) right = -Infinity;
		right = Math.max(right, line.x1);
		if (previous === undefined) current = clean;
		else if (_startsParagraph(previous, line, pitch, right)) {
			output.push(current, '');
			current = clean;
		} else if (softBreak) current += clean;
		else {
			const joined = joinHyphenatedWord(current, clean, knownWords);
			if (joined === undefined) {
				output.push(current);
				current = clean;
			} else current = joined;
		}
		softBreak = /\u00AD\s*$/.test(line.text);
		previous = line;
	}
	if (previous !== undefined) output.push(current);
	return output.join('\n');
}

/**
 * Whether `line` starts a paragraph after `previous`: a wide gap below it, a new font size, or a
 * first-line indent after a line that stopped short of the column's right edge (`right`).
 */
function _startsParagraph(previous: PdfSegment, line: PdfSegment, pitch: number, right: number): boolean {
	const gap = line.y - previous.y;
	if (gap <= 0) return false; // next column or band: the text runs on
	if (previous.tableRow === true && line.tableRow === true) return false;
	const ratio = line.size / previous.size;
	if (ratio > _sizeChange || ratio < 1 / _sizeChange) return true;
	const usual = Math.max(pitch > 0 ? Math.min(pitch, 2 * line.size) : 0, 1.2 * line.size);
	if (gap > _paragraphGap * usual) return true;
	const indent = line.x0 - previous.x0;
	return indent > 0.8 * line.size && indent < 6 * line.size && previous.x1 < right - 1.5 * line.size;
}

function _countChars(segments: readonly PdfSegment[]): number {
	let count = 0;
	for (const segment of segments) count += segment.text.length;
	return count;
}
