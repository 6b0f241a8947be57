import type {TextContent, TextItem} from 'pdfjs-dist/types/src/display/api.js';
import type {PdfSegment} from './PdfSegment.js';

/** Items further apart than this many font sizes along a line start a new segment (column gutters, table cells). */
const _maxJoinGap = 1.2;
/** Gap, in font sizes, from which two joined items are separated by a space. */
const _spaceGap = 0.15;
/** Gap, in font sizes, from which a gap between joined items is recorded as a place to cut (see PdfSegment.gaps). */
const _cutGap = 0.5;

/**
 * Turns a page's text items, in content-stream order, into segments: runs of items that continue
 * one another on the same baseline. Coordinates are first mapped through the page's viewport
 * (`viewportTransform`, scale 1) so that page rotation and crop offsets are undone, then turned
 * into the item's own reading frame (see {@link PdfSegment}).
 */
export function collectPageSegments(content: TextContent, viewportTransform: readonly number[]): PdfSegment[] {
	const placed: PdfSegment[] = [];
	/** Whether a blank item came before each placed one. */
	const spaceBefore: boolean[] = [];
	let pendingSpace = false;
	for (const item of content.items) {
		if (!('str' in item)) continue;
		if (item.str.trim() === '') {
			if (item.str !== '') pendingSpace = true;
			continue;
		}
		placed.push(_placeItem(item, viewportTransform, content.styles[item.fontName]?.vertical === true));
		spaceBefore.push(pendingSpace);
		pendingSpace = false;
	}
	_turnStackedGlyphs(placed);
	const segments: PdfSegment[] = [];
	let current: PdfSegment | undefined;
	for (const [index, next] of placed.entries()) {
		if (current !== undefined && _continues(current, next)) {
			const gap = next.x0 - current.x1;
			const space = spaceBefore[index] === true || gap > _spaceGap * Math.max(current.size, next.size);
			current.text += space && !current.text.endsWith(' ') && !next.text.startsWith(' ') ? ' ' : '';
			if (gap > _cutGap * Math.max(current.size, next.size)) (current.gaps ??= []).push({at: current.text.length, x0: current.x1, x1: next.x0});
			current.text += next.text;
			current.x1 = Math.max(current.x1, next.x1);
			if (next.size > current.size) {
				current.size = next.size;
				current.y = next.y;
			}
		} else {
			current = next;
			segments.push(current);
		}
	}
	return segments;
}

/**
 * Some PDFs set vertical CJK text glyph by glyph in a horizontal font, each glyph one font size
 * below the last. Such stacked upright glyphs (one or two characters each, with a stacked neighbour)
 * are turned into vertical text, so that they join into columns read right to left.
 */
function _turnStackedGlyphs(placed: PdfSegment[]): void {
	const stacked = placed.map((item, index) => {
		const next = placed[index + 1];
		return next !== undefined && _isStackedPair(item, next);
	});
	placed.forEach((item, index) => {
		if (!stacked[index] && !stacked[index - 1]) return;
		const {x0, y, size} = item;
		Object.assign(item, {x0: y - size, x1: y, y: -x0, turn: 1});
	});
}

function _isStackedPair(upper: PdfSegment, lower: PdfSegment): boolean {
	if (upper.turn !== 0 || lower.turn !== 0 || upper.text.length > 2 || lower.text.length > 2) return false;
	const step = lower.y - upper.y;
	return Math.abs(lower.x0 - upper.x0) < 0.25 * upper.size && step > 0.6 * upper.size && step < 1.6 * upper.size;
}

/** Whether `next` goes on the same line as `current`, right after it. */
function _continues(current: PdfSegment, next: PdfSegment): boolean {
	if (current.turn !== next.turn) return false;
	const size = Math.max(current.size, next.size);
	if (Math.abs(next.y - current.y) > 0.5 * size) return false;
	const gap = next.x0 - current.x1;
	return gap > -0.5 * size && gap <= _maxJoinGap * size;
}

/** Maps one item into its reading frame. */
function _placeItem(item: TextItem, viewport: readonly number[], vertical: boolean): PdfSegment {
	const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
	const [va = 1, vb = 0, vc = 0, vd = 1, ve = 0, vf = 0] = viewport;
	// The item's matrix in display space (y grows downward), as pdf.js's Util.transform computes it.
	const ma = va * a + vc * b;
	const mb = vb * a + vd * b;
	const mc = va * c + vc * d;
	const md = vb * c + vd * d;
	const x = va * e + vc * f + ve;
	const y = vb * e + vd * f + vf;
	const turn = vertical ? 1 : ((Math.round(Math.atan2(mb, ma) / (Math.PI / 2)) % 4) + 4) % 4;
	const size = Math.max(Math.hypot(mc, md), vertical ? item.width : 0, 1);
	const length = vertical ? item.height : item.width;
	// Turn the display point back by `turn` quarter turns, so the text runs toward +x.
	const [fx, fy] = turn === 0 ? [x, y] : turn === 1 ? [y, -x] : turn === 2 ? [-x, -y] : [-y, x];
	return {text: item.str, x0: fx, x1: fx + Math.max(length, 0), y: fy, size, turn};
}
