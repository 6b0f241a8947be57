import {findLongestFit} from './findLongestFit.js';

export interface SelectOverlapStartOptions {
	/** Most tokens the overlap may have. */
	overlapTokens: number;
	countTokens: (text: string) => number;
	/** Characters per token of the text around, for the first guess. */
	charsPerToken: number;
}

const _whitespace = /\s/u;
const _cjkSentenceEnd = /[。！？]/u;
const _closing = /["'”’»)\]」』）]/u;
const _sentenceEnd = /[.!?…。！？]/u;

/**
 * Chooses where the overlap that repeats the end of `[from, to)` begins, after `from`: the longest tail within
 * `overlapTokens` that starts at a word (or after a CJK sentence end), moved forward to a sentence
 * start when that keeps at least half of it. Returns `to` when no tail fits.
 */
export function selectOverlapStart(text: string, from: number, to: number, options: SelectOverlapStartOptions): number {
	const {overlapTokens, countTokens, charsPerToken} = options;
	const windowStart = Math.max(from, to - Math.ceil(4 * overlapTokens * charsPerToken) - 256);
	const starts = _findTailStarts(text, windowStart, to);
	const fit = findLongestFit(starts.map(start => to - start), overlapTokens, charsPerToken, index => countTokens(text.slice(starts[index]!, to)));
	if (fit === undefined) return to;
	const wordStart = starts[fit.index]!;
	const minimumLength = (to - wordStart) / 2;
	for (let index = fit.index; index >= 0 && to - starts[index]! >= minimumLength; index--) {
		if (_isSentenceStart(text, starts[index]!)) return starts[index]!;
	}
	return wordStart;
}

/** Positions in (from, to) where a tail may start, nearest `to` first: word starts and CJK sentence starts. */
function _findTailStarts(text: string, from: number, to: number): number[] {
	const starts: number[] = [];
	for (let index = to - 1; index > from; index--) {
		if (_whitespace.test(text[index]!)) continue;
		if (_whitespace.test(text[index - 1]!) || _isAfterCjkSentenceEnd(text, index)) starts.push(index);
	}
	return starts;
}

function _isAfterCjkSentenceEnd(text: string, index: number): boolean {
	if (_closing.test(text[index]!)) return false;
	let position = index - 1;
	while (position > 0 && _closing.test(text[position]!)) position--;
	return position >= 0 && _cjkSentenceEnd.test(text[position]!);
}

/** Whether a tail start begins a sentence: after a sentence end, or after a blank line. */
function _isSentenceStart(text: string, start: number): boolean {
	let position = start;
	let newlines = 0;
	while (position > 0 && _whitespace.test(text[position - 1]!)) {
		if (text[position - 1] === '\n') newlines++;
		position--;
	}
	if (newlines >= 2 || position === 0) return true;
	while (position > 1 && _closing.test(text[position - 1]!)) position--;
	return _sentenceEnd.test(text[position - 1]!);
}
