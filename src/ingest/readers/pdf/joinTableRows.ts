import type {PdfLineGroup} from './groupLines.js';
import type {PdfSegment} from './PdfSegment.js';

/** Consecutive rows of cells that align with each other: this many make a table. */
const _minRows = 3;

/**
 * The lines of some line groups (top to bottom), with the rows of tables written cell by cell: where
 * at least three consecutive lines are each made of separate segments (cells, apart by more than a
 * word space) whose left or right edges line up with the cells of the line before, each such line's
 * cells are joined by ` | ` (`a | b | c`) instead of a space.
 */
export function joinTableRows(groups: readonly PdfLineGroup[]): PdfSegment[] {
	const cells = groups.map(_findCells);
	const inTable = new Array<boolean>(groups.length).fill(false);
	let runStart = 0;
	for (let index = 1; index <= groups.length; index++) {
		const continues = index < groups.length && _alignsWith(cells[index - 1]!, cells[index]!);
		if (continues) continue;
		if (index - runStart >= _minRows) inTable.fill(true, runStart, index);
		runStart = index;
	}
	return groups.map((group, index) => (inTable[index] ? {...group.line, text: cells[index]!.map(cell => cell.text).join(' | ')} : group.line));
}

/** Whether two lines of two or more cells each have at least two cells, and half of the fewer, aligned. */
function _alignsWith(upper: readonly PdfSegment[], lower: readonly PdfSegment[]): boolean {
	if (upper.length < 2 || lower.length < 2) return false;
	const size = Math.max(upper[0]!.size, lower[0]!.size);
	let aligned = 0;
	for (const cell of lower) {
		if (upper.some(above => Math.abs(above.x0 - cell.x0) <= size || Math.abs(above.x1 - cell.x1) <= size)) aligned++;
	}
	return aligned >= 2 && aligned >= 0.5 * Math.min(upper.length, lower.length);
}

/** A line's cells: its segments left to right, those less than a font size apart merged into one. */
function _findCells(group: PdfLineGroup): PdfSegment[] {
	const cells: PdfSegment[] = [];
	for (const member of [...group.members].sort((left, right) => left.x0 - right.x0)) {
		const last = cells.at(-1);
		if (last !== undefined && member.x0 - last.x1 < member.size) {
			last.text = `${last.text} ${member.text.trim()}`;
			last.x1 = Math.max(last.x1, member.x1);
		} else cells.push({...member, text: member.text.trim()});
	}
	return cells;
}
