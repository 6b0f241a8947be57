/** Simple deterministic tokenizers for model-free tests: inputs to chunkText, not stand-ins for the model. */

const _wordToken = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]/gu;

/** A simple deterministic tokenizer for model-free tests: words, single CJK characters and punctuation marks. */
export function countWordTokens(text: string): number {
	return text.match(_wordToken)?.length ?? 0;
}

/** About one token per three bytes of UTF-8, like a byte-level tokenizer on unusual text. */
export function countByteTokens(text: string): number {
	return Math.ceil(Buffer.byteLength(text) / 3);
}

/**
 * A deterministic tokenizer whose counts do not add: long texts cost extra tokens growing with the
 * square of their length, so joined pieces count more than their parts (as merges and separators do,
 * less strongly, with real tokenizers) and the chunker's verification has to catch it.
 */
export function countLumpyTokens(text: string): number {
	return countWordTokens(text) + Math.floor(text.length / 30) + Math.floor(text.length ** 2 / 50_000);
}
