import {groupLines, type PdfLineGroup} from './groupLines.js';
import {normalizePdfText} from './normalizePdfText.js';
import type {PdfSegment} from './PdfSegment.js';

/** Lines at the top or bottom of at least this many pages (digits aside) are running headers or footers. */
const _minRepeats = 3;
/** How many lines from the top and from the bottom of a page may be headers or footers when set off by a gap. */
const _zoneLines = 2;
/** Longer lines are never treated as running headers. */
const _maxRunningLength = 150;
/** A line holding only a page number: "12", "- 12 -", "xiv", "Page 3 of 10", "3/10", "[4]". */
const _pageNumber = /^(?:page|p\.|seite|pagina|página)?\s*[-–—[(]?\s*(?:\d{1,5}|[ivxlcdm]{1,8})\s*[-–—\])]?(?:\s*(?:of|\/|von|de|sur)\s*\d{1,5})?$/i;

/**
 * Removes page furniture from the top and bottom of pages: running headers and footers (text that
 * recurs on at least three pages, page numbers and other digits allowed to differ, so headers that
 * alternate between odd and even pages or carry the page number count too) and page-number lines.
 * A line counts when it is among the two lines at an edge set off from the body by a gap, or when it
 * is the outermost line at an edge and the same furniture sits at the same height on at least three
 * pages (a full page brings its body as close to the footer as one line to the next). Works on each page's
 * most common orientation; gives new segment lists.
 */
export function removeRunningLines(pages: readonly PdfSegment[][]): PdfSegment[][] {
	const zones = pages.map(_findZoneLines);
	const pagesWithKey = new Map<string, number>();
	for (const zone of zones) {
		for (const key of new Set(zone.flatMap(entry => entry.keys))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
	}
	const recurs = (key: string | undefined) => key !== undefined && (pagesWithKey.get(key) ?? 0) >= _minRepeats;
	return pages.map((segments, index) => {
		const removed = new Set<PdfSegment>();
		for (const {group, text, setOff, textKey, placeKey, numberKey} of zones[index]!) {
			const running = text.length <= _maxRunningLength && ((setOff && recurs(textKey)) || recurs(placeKey));
			const pageNumber = _pageNumber.test(text) && (setOff || recurs(numberKey));
			if (running || pageNumber) for (const member of group.members) removed.add(member);
		}
		return removed.size === 0 ? segments : segments.filter(segment => !removed.has(segment));
	});
}

interface _ZoneLine {
	group: PdfLineGroup;
	text: string;
	/** Whether the line is in the header or footer block set off from the body by a gap. */
	setOff: boolean;
	/** Edge and text with digits and roman numerals masked. */
	textKey: string;
	/** The same at the line's height on the page, for the outermost line. */
	placeKey: string | undefined;
	/** Edge and height, for an outermost page-number line. */
	numberKey: string | undefined;
	keys: string[];
}

/** The lines at the top and bottom edges of a page, each with the keys it is matched on across pages. */
function _findZoneLines(segments: readonly PdfSegment[]): _ZoneLine[] {
	const turn = _mainTurn(segments);
	const groups = groupLines(segments.filter(segment => segment.turn === turn));
	const setOff = new Set([...groups.slice(groups.length - _zoneDepth(groups.toReversed())), ...groups.slice(0, _zoneDepth(groups))]);
	const picked = new Map<PdfLineGroup, string>();
	for (const group of groups.slice(-_zoneLines)) picked.set(group, 'bottom');
	for (const group of groups.slice(0, _zoneLines)) picked.set(group, 'top');
	return [...picked].map(([group, zone]) => {
		const outermost = group === groups[0] || group === groups.at(-1);
		const text = normalizePdfText(group.line.text);
		const masked = text.toLowerCase().replace(/\d+/g, '#').replace(/^[ivxlcdm]+\b|\b[ivxlcdm]+$/g, '#').replace(/\s+/g, '');
		const height = Math.round(group.line.y);
		const textKey = `${zone}:${masked}`;
		const placeKey = outermost ? `${zone}@${height}:${masked}` : undefined;
		const numberKey = outermost && _pageNumber.test(text) ? `${zone}@${height}:page-number` : undefined;
		const keys = [textKey, placeKey, numberKey].filter(key => key !== undefined);
		return {group, text, setOff: setOff.has(group), textKey, placeKey, numberKey, keys};
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
