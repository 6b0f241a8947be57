import type {PdfSegment} from './PdfSegment.js';

/** One line of text: the segments sharing a baseline, and their text joined left to right. */
export interface PdfLineGroup {
	line: PdfSegment;
	members: PdfSegment[];
}

/** Gap, in font sizes, from which two segments of a line are separated by a space. */
const _spaceGap = 0.15;

/**
 * Groups segments of one orientation into lines, top to bottom: segments whose baselines lie within
 * 0.4 font sizes of the line's first one (superscripts and table cells included), read left to right.
 */
export function groupLines(segments: readonly PdfSegment[]): PdfLineGroup[] {
	const sorted = [...segments].sort((left, right) => left.y - right.y || left.x0 - right.x0);
	const groups: PdfLineGroup[] = [];
	let members: PdfSegment[] = [];
	for (const segment of sorted) {
		const first = members[0];
		if (first !== undefined && segment.y - first.y > 0.4 * Math.max(first.size, segment.size)) {
			groups.push(_joinLine(members));
			members = [];
		}
		members.push(segment);
	}
	if (members.length > 0) groups.push(_joinLine(members));
	return groups;
}

function _joinLine(members: PdfSegment[]): PdfLineGroup {
	if (members.length === 1) return {line: {...members[0]!}, members};
	const ordered = [...members].sort((left, right) => left.x0 - right.x0);
	const dominant = ordered.reduce((largest, segment) => (segment.size > largest.size ? segment : largest));
	let text = '';
	let end = -Infinity;
	for (const segment of ordered) {
		const space = text !== '' && segment.x0 - end > _spaceGap * segment.size && !text.endsWith(' ') && !segment.text.startsWith(' ');
		text += space ? ` ${segment.text}` : segment.text;
		end = Math.max(end, segment.x1);
	}
	const line: PdfSegment = {text, x0: ordered[0]!.x0, x1: end, y: dominant.y, size: dominant.size, turn: dominant.turn};
	return {line, members};
}
