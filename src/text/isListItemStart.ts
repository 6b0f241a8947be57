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

/**
 * Whether `marker` may as well be a name's initial or an abbreviation: a letter or roman numeral with
 * a dot ("S.", "I.", "v.", "p."). Such a marker opens a list item only in a lettered list, where
 * another line opens with a letter marker too ({@link isLetterMarker}).
 */
export function isInitialLikeMarker(marker: string): boolean {
	return /^\p{L}+\.$/u.test(marker);
}

/**
 * Whether `line` opens a list item (a marker, see above, whitespace, then the item's text), among the
 * lines around it (computed only when needed). A letter or roman numeral with a dot opens one only when one of
 * `nearbyLines` opens with a letter marker too. Alone it is more often a sentence cut by a line or
 * page break ("Roe" | "v. Wade", "see" | "p. 12").
 */
export function opensListItemAmong(line: string, nearbyLines: () => readonly string[]): boolean {
	const marker = readListItemMarker(line);
	if (marker === undefined) return false;
	return !isInitialLikeMarker(marker) || nearbyLines().some(nearby => isLetterMarker(readListItemMarker(nearby) ?? ''));
}
