import {isLetterMarker, opensListItem, readListItemMarker, stripListItemMarker} from '../text/isListItemStart.js';
import {splitSentences} from '../text/splitSentences.js';

/** A heading or label line: Markdown heading, or a few words ending in a colon ("Key points:"). */
const _label = /^\s*(?:#{1,6}\s.*|(?:[\p{L}\p{N}][\p{L}\p{N}'’-]*\s*){1,4}:)\s*$/u;
/** A label opening a line before its content ("Summary: …"). */
const _leadingLabel = /^(?:summary|title|key points?|main points?|overview|conclusions?|tl;?dr|in short)\s*:\s*/iu;

/**
 * The statements of a summary to check one by one: each sentence of its paragraphs, each list item
 * (split into sentences too), and each key point of a structured summary. Headings and labels
 * ("Key points:"), Markdown emphasis and list markers are left out; repeated statements count once.
 * A summary written as the `json` style's object is read as its summary and key points.
 */
export function splitStatements(summary: string, keyPoints: readonly string[] = []): string[] {
	const structured = _readJsonSummary(summary);
	const pieces = structured === undefined ? [summary] : [structured.summary, ...structured.keyPoints];
	pieces.push(...keyPoints);
	const statements = new Set<string>();
	for (const piece of pieces) {
		for (const block of _blocks(piece)) {
			for (const span of splitSentences(block)) {
				const statement = block.slice(span.start, span.end).replace(_leadingLabel, '').trim();
				if (/[\p{L}\p{N}]/u.test(statement) && !_label.test(statement)) statements.add(statement);
			}
		}
	}
	return [...statements];
}

/** Paragraphs and list items, with list markers and emphasis removed; label lines dropped. */
function _blocks(text: string): string[] {
	const blocks: string[] = [];
	let paragraph: string[] = [];
	const lines = text.replaceAll(/\*\*|__/gu, '').split(/\r?\n/u);
	const markers = lines.map(line => readListItemMarker(line));
	// A lettered list: more than one line opens with a letter or roman numeral ("a)", "(ii)", "C.").
	const letteredList = markers.filter(marker => marker !== undefined && isLetterMarker(marker)).length > 1;
	const flush = (): void => {
		if (paragraph.length > 0) blocks.push(paragraph.join('\n'));
		paragraph = [];
	};
	for (const [index, rawLine] of lines.entries()) {
		if (rawLine.trim() === '' || _label.test(rawLine)) {
			flush();
		} else if (opensListItem(markers[index], () => letteredList)) {
			flush();
			paragraph.push(stripListItemMarker(rawLine));
		} else {
			paragraph.push(rawLine);
		}
	}
	flush();
	return blocks;
}

function _readJsonSummary(text: string): {summary: string; keyPoints: string[]} | undefined {
	if (!/^\s*\{/u.test(text)) return undefined;
	try {
		const value = JSON.parse(text) as {summary?: unknown; key_points?: unknown};
		const summary = typeof value.summary === 'string' ? value.summary : '';
		const keyPoints = Array.isArray(value.key_points) ? value.key_points.filter((point): point is string => typeof point === 'string') : [];
		return {summary, keyPoints};
	} catch {
		return undefined;
	}
}
