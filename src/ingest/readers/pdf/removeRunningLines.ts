import {groupLines, type PdfLineGroup} from './groupLines.js';
import {normalizePdfText} from './normalizePdfText.js';
import type {PdfSegment} from './PdfSegment.js';

/** Lines at the top or bottom of at least this many pages (digits aside) are running headers or footers. */
const _minRepeats = 3;
/** How many lines from the top and from the bottom of a page may be headers or footers. */
const _zoneLines = 2;
/** Longer lines are never treated as running headers. */
const _maxRunningLength = 150;
/** A line holding only a page number: "12", "- 12 -", "xiv", "Page 3 of 10", "3/10". */
const _pageNumber = /^(?:page|p\.|seite|pagina|página)?\s*[-–—]?\s*(?:\d{1,5}|[ivxlcdm]{1,8})\s*[-–—]?(?:\s*(?:of|\/|von|de|sur)\s*\d{1,5})?$/i;

/**
 * Removes running headers and footers (lines among the top or bottom two of a page, set off from the
 * body by a gap, that recur on at least three pages, page numbers and other digits allowed to
 * differ) and lines there that hold only a page number. Works on each page's most common
 * orientation; gives new segment lists.
 */
export function removeRunningLines(pages: readonly PdfSegment[][]): PdfSegment[][] {
	const zones = pages.map(_findZoneLines);
	const pagesWithKey = new Map<string, number>();
	for (const zone of zones) {
		for (const key of new Set(zone.map(entry => entry.key))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
	}
	return pages.map((segments, index) => {
		const removed = new Set<PdfSegment>();
		for (const {group, key, text} of zones[index]!) {
			const repeated = (pagesWithKey.get(key) ?? 0) >= _minRepeats && text.length <= _maxRunningLength;
			if (repeated || _pageNumber.test(text)) for (const member of group.members) removed.add(member);
		}
		return removed.size === 0 ? segments : segments.filter(segment => !removed.has(segment));
	});
}

interface _ZoneLine {
	group: PdfLineGroup;
	key: string;
	text: string;
}

/** The top and bottom lines of a page, each with its key: zone and text with digits masked. */
function _findZoneLines(segments: readonly PdfSegment[]): _ZoneLine[] {
	const turn = _mainTurn(segments);
	const groups = groupLines(segments.filter(segment => segment.turn === turn));
	const picked = new Map<PdfLineGroup, string>();
	for (const group of groups.slice(groups.length - _zoneDepth(groups.toReversed()))) picked.set(group, 'bottom');
	for (const group of groups.slice(0, _zoneDepth(groups))) picked.set(group, 'top');
	return [...picked].map(([group, zone]) => {
		const text = normalizePdfText(group.line.text);
		const masked = text.toLowerCase().replace(/\d+/g, '#').replace(/^[ivxlcdm]+\b|\b[ivxlcdm]+$/g, '#').replace(/\s+/g, '');
		return {group, key: `${zone}:${masked}`, text};
	});
}

/**
 * How many lines from the edge the page's `lines` start with (top first, or reversed for the bottom)
 * form a header block: at most two, ending with a gap wider than 1.6 font sizes to the next line.
 */
function _zoneDepth(lines: readonly PdfLineGroup[]): number {
	for (let depth = Math.min(_zoneLines, lines.length - 1); depth > 0; depth--) {
		const last = lines[depth - 1]!.line;
		if (Math.abs(lines[depth]!.line.y - last.y) > 1.6 * last.size) return depth;
	}
	return lines.length === 1 ? 1 : 0;
}

function _mainTurn(segments: readonly PdfSegment[]): number {
	const chars = [0, 0, 0, 0];
	for (const segment of segments) chars[segment.turn] = (chars[segment.turn] ?? 0) + segment.text.length;
	return chars.indexOf(Math.max(...chars));
}
