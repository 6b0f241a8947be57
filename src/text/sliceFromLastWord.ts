/**
 * The end of `text` from the whitespace before its last word (all of `text` when it has none). An
 * end-anchored pattern that cannot match across whitespace (a sentence end, the last word, a word
 * hyphenated at the end) matches this as it matches the whole text; a regular expression ending in
 * `$` tries every position of what it is given, so on a long text (a book joined page by page) this
 * keeps each test to the last word instead of the whole text.
 */
export function sliceFromLastWord(text: string): string {
	let index = text.length - 1;
	while (index >= 0 && !_whitespace.test(text[index]!)) index--;
	return index <= 0 ? text : text.slice(index);
}

const _whitespace = /\s/u;
