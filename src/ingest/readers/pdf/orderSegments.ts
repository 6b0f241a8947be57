import {groupLines} from './groupLines.js';
import {joinTableRows} from './joinTableRows.js';
import {median} from './median.js';
import type {PdfSegment} from './PdfSegment.js';
import {readGridRows} from './readGridRows.js';

/** A vertical strip of the page that separates columns of text. */
interface _Gutter {
	center: number;
}

/**
 * Puts the segments of one orientation into reading order and merges them into lines. Lines of two
 * columns that were joined across a narrow gutter (same height, as at the top of a page where both
 * columns start together) are first cut apart at the gutter the other lines show. Full-width
 * segments (over 60% of the text's width: titles, captions, footers) cut the page into blocks, top to
 * bottom; a block laid out in columns is read column by column, left first, however the content
 * stream interleaves them. Inside a block, segments that cross a gutter (a wide formula, a table)
 * stay in place and cut it into bands that are each read column by column. Lines whose cells line up
 * over three rows or more are table rows, written `a | b | c`.
 */
export function orderSegments(segments: readonly PdfSegment[]): PdfSegment[] {
	const [minX, maxX] = _spread(segments);
	const wideWidth = 0.6 * (maxX - minX);
	const lines: PdfSegment[] = [];
	let block: PdfSegment[] = [];
	let wide: PdfSegment[] = [];
	for (const segment of _splitAtGutters(segments, wideWidth).sort((left, right) => left.y - right.y)) {
		if (segment.x1 - segment.x0 >= wideWidth) {
			lines.push(..._orderBlock(block));
			block = [];
			wide.push(segment);
		} else {
			for (const group of groupLines(wide)) lines.push(group.line);
			wide = [];
			block.push(segment);
		}
	}
	for (const group of groupLines(wide)) lines.push(group.line);
	lines.push(..._orderBlock(block));
	return lines;
}

/**
 * Cuts wide segments that were joined across a gap (see PdfSegment.gaps) where that gap holds a
 * gutter found among the narrower segments; the others are kept as they are.
 */
function _splitAtGutters(segments: readonly PdfSegment[], wideWidth: number): PdfSegment[] {
	const isJoinedWide = (segment: PdfSegment) => segment.gaps !== undefined && segment.x1 - segment.x0 >= wideWidth;
	if (!segments.some(isJoinedWide)) return [...segments];
	const gutters = _findGutters(segments.filter(segment => !isJoinedWide(segment)));
	if (gutters.length === 0) return [...segments];
	return segments.flatMap(segment => (isJoinedWide(segment) ? _cutAtGutters(segment, gutters) : [segment]));
}

function _cutAtGutters(segment: PdfSegment, gutters: readonly _Gutter[]): PdfSegment[] {
	const pieces: PdfSegment[] = [];
	let from = 0;
	let x0 = segment.x0;
	for (const gap of segment.gaps ?? []) {
		if (!gutters.some(gutter => gap.x0 - 0.5 * segment.size <= gutter.center && gutter.center <= gap.x1 + 0.5 * segment.size)) continue;
		pieces.push({...segment, text: segment.text.slice(from, gap.at).trimEnd(), x0, x1: gap.x0, gaps: undefined});
		from = gap.at;
		x0 = gap.x1;
	}
	if (pieces.length === 0) return [segment];
	pieces.push({...segment, text: segment.text.slice(from), x0, gaps: undefined});
	return pieces;
}

/**
 * Orders a block between full-width lines: by columns and bands when it has gutters (by rows, in a
 * band whose columns form a grid: cells that start together row by row, see readGridRows), else by lines.
 */
function _orderBlock(segments: readonly PdfSegment[]): PdfSegment[] {
	const gutters = _findGutters(segments);
	if (gutters.length === 0) return _readRows(segments);
	const size = median(segments.map(segment => segment.size));
	const spanning: PdfSegment[] = [];
	const placed: Array<{segment: PdfSegment; column: number}> = [];
	for (const segment of segments) {
		const column = _columnOf(segment, gutters, size);
		if (column === undefined) spanning.push(segment);
		else placed.push({segment, column});
	}
	spanning.sort((left, right) => left.y - right.y);
	const bands: PdfSegment[][][] = Array.from({length: spanning.length + 1}, () => Array.from({length: gutters.length + 1}, () => []));
	for (const {segment, column} of placed) bands[_countBelow(spanning, segment.y)]![column]!.push(segment);
	const lines: PdfSegment[] = [];
	let pending: PdfSegment[] = [];
	bands.forEach((columns, band) => {
		if (columns.some(column => column.length > 0)) {
			for (const group of groupLines(pending)) lines.push(group.line);
			pending = [];
			const grouped = columns.map(column => groupLines(column));
			lines.push(...readGridRows(grouped) ?? grouped.flatMap(column => joinTableRows(column)));
		}
		const cut = spanning[band];
		if (cut !== undefined) pending.push(cut);
	});
	for (const group of groupLines(pending)) lines.push(group.line);
	return lines;
}

/** A block's lines top to bottom, the rows of a table written cell by cell (see joinTableRows). */
function _readRows(segments: readonly PdfSegment[]): PdfSegment[] {
	return joinTableRows(groupLines(segments));
}

/**
 * Finds gutters: strips, in the middle 70% of the text's width, crossed by few segments (a fifth of
 * the most that cross anywhere), with
 * enough text on both sides side by side, between columns that look like running text (wide enough
 * and mostly filled). Gives none unless every column found passes.
 */
function _findGutters(segments: readonly PdfSegment[]): _Gutter[] {
	const count = segments.length;
	if (count < 8) return [];
	const size = median(segments.map(segment => segment.size));
	const [minX, maxX] = _spread(segments);
	const width = maxX - minX;
	if (width < 16 * size) return [];
	const crossing = new Int32Array(Math.ceil(width) + 2);
	for (const segment of segments) {
		const from = Math.floor(segment.x0 - minX) + 1;
		const to = Math.ceil(segment.x1 - minX) - 1;
		if (to < from) continue;
		crossing[from]!++;
		crossing[to + 1]!--;
	}
	for (let x = 1; x < crossing.length; x++) crossing[x]! += crossing[x - 1]!;
	const gutters: _Gutter[] = [];
	const limit = 0.2 * Math.min(count, Math.max(...crossing));
	let runStart = -1;
	for (let x = Math.floor(0.15 * width); x <= Math.ceil(0.85 * width) + 1; x++) {
		const open = x <= 0.85 * width && crossing[x]! <= limit;
		if (open && runStart < 0) runStart = x;
		if (open || runStart < 0) continue;
		if (x - runStart >= 0.4 * size) {
			const center = minX + (runStart + x - 1) / 2;
			if (_separatesColumns(segments, center, size)) gutters.push({center});
		}
		runStart = -1;
	}
	return _columnsLookLikeText(segments, gutters, size) ? gutters : [];
}

/** Whether enough text lies left and right of `center`, side by side vertically. */
function _separatesColumns(segments: readonly PdfSegment[], center: number, size: number): boolean {
	const left = segments.filter(segment => segment.x1 <= center + size);
	const right = segments.filter(segment => segment.x0 >= center - size);
	const least = Math.max(3, 0.15 * segments.length);
	if (left.length < least || right.length < least) return false;
	const [leftTop, leftBottom] = _extent(left);
	const [rightTop, rightBottom] = _extent(right);
	const overlap = Math.min(leftBottom, rightBottom) - Math.max(leftTop, rightTop);
	return overlap >= 0.3 * Math.min(leftBottom - leftTop, rightBottom - rightTop) && overlap > 3 * size;
}

/**
 * Whether every column between gutters is at least 8 font sizes wide and holds running text: lines
 * filling most of its width make up a fifth of its segments at least (figures and listings may
 * fill the rest).
 */
function _columnsLookLikeText(segments: readonly PdfSegment[], gutters: readonly _Gutter[], size: number): boolean {
	if (gutters.length === 0) return false;
	const columns: number[][] = gutters.map(() => []);
	columns.push([]);
	for (const segment of segments) {
		const column = _columnOf(segment, gutters, size);
		if (column !== undefined) columns[column]!.push(segment.x1 - segment.x0);
	}
	const [minX, maxX] = _spread(segments);
	const bounds = [minX, ...gutters.map(gutter => gutter.center), maxX];
	return columns.every((widths, index) => {
		const columnWidth = bounds[index + 1]! - bounds[index]!;
		const filled = widths.filter(width => width >= 0.6 * columnWidth).length;
		return columnWidth >= 8 * size && filled >= Math.max(3, 0.2 * widths.length);
	});
}

/** The column a segment lies in, or undefined when it crosses a gutter by more than a font size. */
function _columnOf(segment: PdfSegment, gutters: readonly _Gutter[], size: number): number | undefined {
	let column = 0;
	while (column < gutters.length && segment.x0 >= gutters[column]!.center - size) column++;
	const right = gutters[column];
	return right !== undefined && segment.x1 > right.center + size ? undefined : column;
}

/** How many of the sorted `spanning` segments lie above `y`. */
function _countBelow(spanning: readonly PdfSegment[], y: number): number {
	let low = 0;
	let high = spanning.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (spanning[middle]!.y < y) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Leftmost start and rightmost end of some segments. */
function _spread(segments: readonly PdfSegment[]): [number, number] {
	let start = Infinity;
	let end = -Infinity;
	for (const segment of segments) {
		start = Math.min(start, segment.x0);
		end = Math.max(end, segment.x1);
	}
	return [start, end];
}

/** Topmost and bottommost baselines of some segments. */
function _extent(segments: readonly PdfSegment[]): [number, number] {
	let top = Infinity;
	let bottom = -Infinity;
	for (const segment of segments) {
		top = Math.min(top, segment.y);
		bottom = Math.max(bottom, segment.y);
	}
	return [top, bottom];
}
