import {joinHyphenatedWord} from '../../../text/joinHyphenatedWord.js';
import type {PdfLineGroup} from './groupLines.js';
import {median} from './median.js';
import type {PdfSegment} from './PdfSegment.js';

/** A cell starts this many line pitches below the line above it in its column (or at its top). */
const _cellGap = 1.3;
/** Rows a grid needs: a header and two more. */
const _minRows = 3;
/** Share of each column's cell starts that must start a row in the other columns too. */
const _minShared = 0.75;

/**
 * Reads columns (left to right, each its lines as groupLines made them) as the columns of a table
 * when their cells start together: in each column a cell starts at its first line and after a
 * vertical gap (over 1.3 line pitches); when at least three such starts are shared by two columns or
 * more, and three quarters of each column's starts are shared, the columns are a grid whose rows are written
 * one per line, each cell's wrapped lines joined (`a | b | c`). Two columns of running text start
 * their paragraphs at unrelated heights and are left to be read column by column: gives undefined.
 */
export function readGridRows(lines: readonly PdfLineGroup[][]): PdfSegment[] | undefined {
	if (lines.length < 2 || lines.some(column => column.length === 0)) return undefined;
	const size = median(lines.flat().flatMap(group => group.members.map(segment => segment.size)));
	const starts = lines.map(column => _findCellStarts(column, size));
	const rows = _findSharedStarts(starts, size);
	if (rows.length < _minRows) return undefined;
	for (const columnStarts of starts) {
		const shared = columnStarts.filter(y => rows.some(row => Math.abs(row - y) <= 0.5 * size)).length;
		if (shared < _minShared * columnStarts.length) return undefined;
	}
	return _writeRows(lines, rows, size);
}

/** The baselines where a column's cells start: its first line, and each line after a gap. */
function _findCellStarts(lines: readonly PdfLineGroup[], size: number): number[] {
	const gaps: number[] = [];
	for (let index = 1; index < lines.length; index++) gaps.push(lines[index]!.line.y - lines[index - 1]!.line.y);
	const pitch = Math.max(median(gaps.filter(gap => gap > 0 && gap < 3 * size)), 1.1 * size);
	return lines.filter((group, index) => index === 0 || group.line.y - lines[index - 1]!.line.y > _cellGap * pitch).map(group => group.line.y);
}

/** Row tops, top to bottom: the cell starts that two columns or more share (a row may leave a cell empty). */
function _findSharedStarts(starts: readonly number[][], size: number): number[] {
	const near = (values: readonly number[], y: number) => values.some(value => Math.abs(value - y) <= 0.5 * size);
	const all = [...new Set(starts.flat())].sort((upper, lower) => upper - lower);
	const rows: number[] = [];
	for (const y of all) {
		if (near(rows, y)) continue;
		const holding = starts.filter(column => near(column, y)).length;
		if (holding >= 2) rows.push(y);
	}
	return rows;
}

/**
 * One line per row: each column's lines from the row's top to the next row's top, joined (lines
 * above the first row's top go with the first row, so no text is lost).
 */
function _writeRows(lines: readonly PdfLineGroup[][], rows: readonly number[], size: number): PdfSegment[] {
	return rows.map((top, index) => {
		const from = index === 0 ? -Infinity : top - 0.5 * size;
		const to = index + 1 < rows.length ? rows[index + 1]! - 0.5 * size : Infinity;
		const cells = lines.map(column => column.filter(group => group.line.y >= from && group.line.y < to).map(group => group.line));
		const members = cells.flat();
		const text = cells.map(cell => _joinCellLines(cell.map(line => line.text))).join(' | ');
		return {text, x0: Math.min(...members.map(line => line.x0)), x1: Math.max(...members.map(line => line.x1)), y: top, size, turn: members[0]!.turn, tableRow: true};
	});
}

/** A cell's wrapped lines as one text: joined by spaces, a word hyphenated at a line end rejoined (joinHyphenatedWord's rule). */
function _joinCellLines(lines: readonly string[]): string {
	let text = '';
	for (const line of lines.map(line => line.trim()).filter(line => line !== '')) {
		text = text === '' ? line : joinHyphenatedWord(text, line, _noKnownWords) ?? `${text} ${line}`;
	}
	return text;
}

/** A cell is too short to tell a compound from a hyphenated word by the document's other words. */
const _noKnownWords: ReadonlySet<string> = new Set();
