/**
 * The lower-cased words of a document, hyphenated compounds kept whole ("well-known", its Unicode
 * hyphen U+2010 written as `-`); used to decide whether a hyphen at a line end splits a word or
 * belongs to it.
 */
export function collectKnownWords(texts: Iterable<string>): Set<string> {
	const words = new Set<string>();
	for (const text of texts) {
		for (const match of text.matchAll(/\p{L}+(?:[-\u2010]\p{L}+)*/gu)) words.add(match[0].toLowerCase().replaceAll('\u2010', '-'));
	}
	return words;
}
