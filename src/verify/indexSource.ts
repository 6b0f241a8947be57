import {findPageOfOffset} from '../text/findPageOfOffset.js';
import {normalizeForMatch, type NormalizedText} from '../text/normalizeForMatch.js';
import {splitSentences} from '../text/splitSentences.js';
import {extractContentStems} from './extractContentStems.js';
import {indexSourceFacts, type SourceFacts} from './indexSourceFacts.js';

/** A passage of the source that a statement can be traced to: a sentence, or a piece of a very long one. */
export interface SourceUnit {
	/** `[start, end)` in the source text. */
	start: number;
	end: number;
	/** 1-based page of the unit's start. */
	page: number;
	/** 1-based lines of its first and last character. */
	firstLine: number;
	lastLine: number;
	/** Ids of its distinct content stems (see {@link SourceIndex.stemIds}). */
	stems: Int32Array;
}

/** Everything the checker reads of a source, computed once per document. */
export interface SourceIndex {
	text: string;
	normalized: NormalizedText;
	/** Whether the source has more than one page: citations of single-page sources give lines too. */
	paged: boolean;
	units: SourceUnit[];
	stemIds: Map<string, number>;
	/** For each stem id, the units that contain it. */
	postings: number[][];
	facts: SourceFacts;
}

/** Longest unit, in characters: a longer sentence (a table, a list without stops) is cut at spaces. */
const _maxUnitChars = 400;

/**
 * Indexes a source for checking summaries against it: its text normalized for matching (pass
 * `normalized` when the caller has it already), its sentences with their pages and lines, an
 * inverted index of their content stems, and the numbers, dates and words it contains (see indexSourceFacts).
 */
export function indexSource(text: string, pageStarts: readonly number[] = [0], normalized: NormalizedText = normalizeForMatch(text)): SourceIndex {
	const lineStarts = _lineStarts(text);
	const stemIds = new Map<string, number>();
	const postings: number[][] = [];
	const units: SourceUnit[] = [];
	for (const span of splitSentences(text).flatMap(sentence => _cutLong(text, sentence.start, sentence.end))) {
		const stems = _stemIdsOf(normalized.text.slice(_normalizedIndex(normalized, span.start), _normalizedIndex(normalized, span.end)), stemIds);
		if (stems.length === 0) continue;
		for (const id of stems) (postings[id] ??= []).push(units.length);
		units.push({
			...span,
			page: findPageOfOffset(pageStarts, span.start),
			firstLine: findPageOfOffset(lineStarts, span.start),
			lastLine: findPageOfOffset(lineStarts, span.end - 1),
			stems,
		});
	}
	return {text, normalized, paged: pageStarts.length > 1, units, stemIds, postings, facts: indexSourceFacts(text)};
}

/** The index in normalized text of the first character that comes from at or after `offset` of the original. */
function _normalizedIndex(normalized: NormalizedText, offset: number): number {
	const {offsets} = normalized;
	let low = 0;
	let high = offsets.length - 1;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (offsets[middle]! < offset) low = middle + 1;
		else high = middle;
	}
	return low;
}

function _stemIdsOf(normalizedText: string, stemIds: Map<string, number>): Int32Array {
	const ids = new Set<number>();
	for (const stem of extractContentStems(normalizedText)) {
		let id = stemIds.get(stem);
		if (id === undefined) {
			id = stemIds.size;
			stemIds.set(stem, id);
		}
		ids.add(id);
	}
	return Int32Array.from(ids);
}

function _lineStarts(text: string): number[] {
	const starts = [0];
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
	return starts;
}

function _cutLong(text: string, start: number, end: number): Array<{start: number; end: number}> {
	const pieces: Array<{start: number; end: number}> = [];
	while (end - start > _maxUnitChars) {
		const space = text.lastIndexOf(' ', start + _maxUnitChars);
		const cut = space > start ? space : start + _maxUnitChars;
		pieces.push({start, end: cut});
		start = cut + 1;
	}
	if (end > start) pieces.push({start, end});
	return pieces;
}
