import {findLongestFit} from './findLongestFit.js';
import {endsSentence, splitSentences} from '../text/splitSentences.js';

export interface SelectOverlapStartOptions {
	/** Most tokens the overlap may have. */
	overlapTokens: number;
	countTokens: (text: string) => number;
	/** Characters per token of the text around, for the first guess. */
	charsPerToken: number;
}

const _whitespace = /\s/u;

/**
 * Chooses where the overlap that repeats the end of `[from, to)` begins, after `from`: the longest tail within
 * `overlapTokens` that starts at a word or a sentence (sentences by {@link splitSentences}, so CJK
 * text without spaces has starts too), moved forward to a sentence start when that keeps at least
 * half of it. Returns `to` when no tail fits.
 */
export function selectOverlapStart(text: string, from: number, to: number, options: SelectOverlapStartOptions): number {
	const {overlapTokens, countTokens, charsPerToken} = options;
	const windowStart = Math.max(from, to - Math.ceil(4 * overlapTokens * charsPerToken) - 256);
	const sentenceStarts = _findSentenceStarts(text, windowStart, to);
	const starts = _findTailStarts(text, windowStart, to, sentenceStarts);
	const fit = findLongestFit(starts.map(start => to - start), overlapTokens, charsPerToken, index => countTokens(text.slice(starts[index]!, to)));
	if (fit === undefined) return to;
	const wordStart = starts[fit.index]!;
	const minimumLength = (to - wordStart) / 2;
	for (let index = fit.index; index >= 0 && to - starts[index]! >= minimumLength; index--) {
		if (sentenceStarts.has(starts[index]!)) return starts[index]!;
	}
	return wordStart;
}

/**
 * Sentence starts in (from, to): where the splitter's sentences begin, the first one only when what
 * comes before it ends a sentence or a paragraph (the window may open mid-sentence).
 */
function _findSentenceStarts(text: string, from: number, to: number): Set<number> {
	const spans = splitSentences(text, from, to);
	const starts = new Set(spans.slice(1).map(span => span.start));
	const first = spans[0]?.start;
	if (first !== undefined && first > from) {
		const before = text.slice(Math.max(0, first - 200), first);
		if (endsSentence(before) || /\n[^\S\n]*\n\s*$/u.test(before)) starts.add(first);
	}
	return starts;
}

/** Positions in (from, to) where a tail may start, nearest `to` first: word starts and sentence starts. */
function _findTailStarts(text: string, from: number, to: number, sentenceStarts: ReadonlySet<number>): number[] {
	const starts: number[] = [];
	for (let index = to - 1; index > from; index--) {
		if (_whitespace.test(text[index]!)) continue;
		if (_whitespace.test(text[index - 1]!) || sentenceStarts.has(index)) starts.push(index);
	}
	return starts;
}
