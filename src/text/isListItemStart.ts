/**
 * A list item's marker, the one rule precis uses for it (chunk ends, page joins, sentences,
 * statements): a bullet (`-`, `*`, `+`, `•`, `‣`, `◦`, `▪`, `–`, `—`), or a number of up to three
 * digits (any script), a single letter (any case, any script) or a roman numeral up to 89 (`iv`,
 * `XII`), followed by `.` or `)` and optionally opened by `(`: "2.", "b)", "(iv)". A roman numeral
 * must be well formed, so that words made of its letters ("civil.", "mild)") are no markers. A
 * telephone number's bracketed area code ("(605) 574-2307") is no marker either.
 */
const _marker = String.raw`(?:[-*+•‣◦▪–—]|\(?(?:\p{N}{1,3}|\p{L}|(?=[ivxl])(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3}))[.)])`;

const _phoneNumber = String.raw`\(\p{N}{3}\)\s*\p{N}{3}[-.\s]\p{N}{4}`;
const _itemStart = new RegExp(String.raw`^\s*(?!${_phoneNumber})(${_marker})\s+(?=\S)`, 'iu');
const _markerAlone = new RegExp(String.raw`^${_marker}$`, 'iu');

/** `line` without the list item's marker it opens with and the whitespace around it; as it is when it opens no item. */
export function stripListItemMarker(line: string): string {
	return line.replace(_itemStart, '');
}

/** The list item's marker `line` opens with ("b)", "2.", "•"), or undefined when it opens no item. */
export function readListItemMarker(line: string): string | undefined {
	return _itemStart.exec(line)?.[1];
}

/** Whether `word` is a list item's marker alone ("2.", "iv)"), as a sentence splitter may cut it off its item. */
export function isListItemMarker(word: string): boolean {
	return _markerAlone.test(word);
}

/** Whether `marker` is a letter or a roman numeral ("b)", "(ii)", "C."), not a number or a bullet. */
export function isLetterMarker(marker: string): boolean {
	return /\p{L}/u.test(marker);
}

/** Whether one of `lines` opens with a letter or roman numeral marker ({@link isLetterMarker}). */
export function hasLetterMarker(lines: readonly string[]): boolean {
	return lines.some(line => isLetterMarker(readListItemMarker(line) ?? ''));
}

/**
 * Whether a line opening with `marker` (undefined: none, see {@link readListItemMarker}) opens a list
 * item. A letter or roman numeral with a dot ("S.", "v.", "iv.") opens one only in a lettered list,
 * where another line near it opens with a letter marker too (`inLetteredList`, asked only then):
 * alone it is more often a name's initial or a sentence cut by a break ("S. Radhakrishnan",
 * "Roe" | "v. Wade", "see" | "p. 12"), and taking it for a marker would split or change the sentence.
 */
export function opensListItem(marker: string | undefined, inLetteredList: () => boolean): boolean {
	return marker !== undefined && (!/^\p{L}+\.$/u.test(marker) || inLetteredList());
}
