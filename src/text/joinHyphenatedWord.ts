/**
 * Joins `next` to `line` when `line` ends in a word hyphenated across the line break ("extrac-" +
 * "tion" gives "extraction"); a hyphen that belongs to the word stays ("Anglo-" + "Saxon", or a
 * compound the document writes with its hyphen, per `knownWords`: see collectKnownWords; looked up
 * only when `line` ends in a hyphen and `next` in lower case). Gives undefined when `line` does not
 * end in a hyphenated word.
 */
export function joinHyphenatedWord(line: string, next: string, knownWords: Pick<ReadonlySet<string>, 'has'>): string | undefined {
	if (!line.endsWith('-') && !line.endsWith('\u2010')) return undefined; // spares the regex below most lines
	const head = /(\p{L}+)[-\u2010]$/u.exec(line)?.[1];
	const tail = /^\p{L}+/u.exec(next)?.[0];
	if (head === undefined || tail === undefined) return undefined;
	if (/^\p{Lu}/u.test(tail)) return line + next;
	const joined = `${head}${tail}`.toLowerCase();
	const compound = `${head}-${tail}`.toLowerCase();
	if (knownWords.has(compound) && !knownWords.has(joined)) return line + next;
	return line.slice(0, -1) + next;
}
