/** A paragraph of `sentences` sentences of ten words (eleven tokens by countWordTokens) each, varied by `seed`. */
export function writeParagraph(seed: number, sentences: number): string {
	const words = ['river', 'stone', 'budget', 'ledger', 'harbor', 'signal', 'copper', 'meadow', 'lantern', 'orbit', 'quarry'];
	return Array.from({length: sentences}, (_, sentence) => {
		const picked = Array.from({length: 10}, (_, word) => words[(seed * 7 + sentence * 3 + word) % words.length]!);
		return `${picked.join(' ').replace(/^./u, letter => letter.toUpperCase())}.`;
	}).join(' ');
}
