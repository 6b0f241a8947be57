import type {Tokenizer} from '../engine/Engine.js';
import {endsSentence, splitSentences} from '../text/splitSentences.js';

/**
 * The longest prefix of `text` that fits `budget` tokens, ended at a sentence boundary (by
 * {@link splitSentences}) when one lies in its last half, else at a word boundary. Binary search:
 * O(log n) tokenizer calls.
 */
export function cutToTokens(text: string, budget: number, tokenizer: Pick<Tokenizer, 'countTokens'>): string {
	if (tokenizer.countTokens(text) <= budget) return text;
	let low = 0;
	let high = text.length;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (tokenizer.countTokens(text.slice(0, middle)) <= budget) low = middle;
		else high = middle - 1;
	}
	const prefix = text.slice(0, low);
	const sentenceEnd = _findLastSentenceEnd(prefix);
	if (sentenceEnd > prefix.length / 2) return prefix.slice(0, sentenceEnd);
	const wordEnd = prefix.search(/\s\S*$/);
	return wordEnd > 0 ? prefix.slice(0, wordEnd) : prefix;
}

/** Where the prefix's last complete sentence ends; the last piece counts only when it ends a sentence itself. */
function _findLastSentenceEnd(prefix: string): number {
	const spans = splitSentences(prefix);
	const last = spans.at(-1);
	if (last !== undefined && endsSentence(prefix.slice(0, last.end))) return last.end;
	return spans.at(-2)?.end ?? -1;
}
