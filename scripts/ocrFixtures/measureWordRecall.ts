/**
 * Word recall of OCR: the share of the known text's words (lower-cased letters and digits,
 * counted with repeats) that the recognized text also holds.
 */
export function measureWordRecall(known: string, recognized: string): number {
	const expected = _words(known);
	const found = new Map<string, number>();
	for (const word of _words(recognized)) found.set(word, (found.get(word) ?? 0) + 1);
	let matched = 0;
	for (const word of expected) {
		const left = found.get(word) ?? 0;
		if (left > 0) {
			matched++;
			found.set(word, left - 1);
		}
	}
	return expected.length === 0 ? 1 : matched / expected.length;
}

function _words(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
