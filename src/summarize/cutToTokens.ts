import type {Tokenizer} from '../engine/Engine.js';

/**
 * The longest prefix of `text` that fits `budget` tokens, ended at a sentence boundary when one
 * lies in its last half (else at a word boundary). Binary search: O(log n) tokenizer calls.
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
	const sentenceEnd = Math.max(...['. ', '! ', '? ', '.\n', '。'].map(mark => prefix.lastIndexOf(mark)));
	if (sentenceEnd > prefix.length / 2) return prefix.slice(0, sentenceEnd + 1);
	const wordEnd = prefix.search(/\s\S*$/);
	return wordEnd > 0 ? prefix.slice(0, wordEnd) : prefix;
}
