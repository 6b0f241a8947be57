/** Text in the form facts and quotes are compared in, with the way back to the original's offsets. */
export interface NormalizedText {
	text: string;
	/** `offsets[i]` is the offset in the original text of normalized character i; `offsets[text.length]` is the original's length. */
	offsets: Int32Array;
}

const _quotes: Record<string, string> = {'‘': "'", '’': "'", '‚': "'", '‛': "'", '`': "'", '´': "'", '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"'};
const _dashes = /[\u2010-\u2015\u2212]/u;
const _combiningMark = /\p{M}/u;
const _whitespace = /\s/u;
/** A word broken at a line end: letter, hyphen, line break (with spaces), lower-case letter. */
const _lineEndHyphen = /(?<=\p{L})-[ \t]*\r?\n[ \t]*(?=\p{Ll})/uy;
/** A thousands separator: between a digit and exactly three digits (1,234 / 1 234 / 1’234). */
const _thousandsSeparator = /(?<=\p{Nd})[,\u00a0\u202f\u2009'’](?=\p{Nd}{3}(?!\p{Nd}))/uy;

/**
 * Normalizes text for comparing a summary's words with a source's: case and diacritics folded,
 * compatibility forms unified (ligatures, full-width digits), quotes and dashes unified, words
 * rejoined across line-end hyphenation, thousands separators dropped, and whitespace runs made one
 * space. Keeps, for each character, its offset in the original, so a match maps back to a page.
 */
export function normalizeForMatch(text: string): NormalizedText {
	const parts: string[] = [];
	let offsets: Int32Array<ArrayBuffer> = new Int32Array(text.length + 1);
	let length = 0;
	let lastIsSpace = true;
	let index = 0;
	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code < 128 && _isPlainAscii[code] === 1) {
			_append(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[index]!, index);
			index++;
			continue;
		}
		const skipped = _skippedAt(text, index, code);
		if (skipped > 0) {
			index += skipped;
			continue;
		}
		const character = String.fromCodePoint(text.codePointAt(index)!);
		if (_whitespace.test(character)) {
			if (!lastIsSpace) _append(' ', index);
			lastIsSpace = true;
		} else {
			for (const folded of _fold(character)) _append(folded, index);
		}
		index += character.length;
	}
	offsets = _fit(offsets, length + 1);
	offsets[length] = text.length;
	return {text: parts.join(''), offsets};

	function _append(folded: string, origin: number): void {
		parts.push(folded);
		if (length + folded.length >= offsets.length) offsets = _fit(offsets, offsets.length * 2 + folded.length);
		for (let unit = 0; unit < folded.length; unit++) offsets[length++] = origin;
		lastIsSpace = false;
	}
}

/** ASCII characters that normalize to themselves or their lower case: letters, digits, and punctuation other than `-`, `,`, `'` and backquote. */
const _isPlainAscii = Uint8Array.from({length: 128}, (_, code) => (code > 32 && code < 127 && !'-,\'`'.includes(String.fromCharCode(code)) ? 1 : 0));

/** How many characters at `index` are dropped: a line-end hyphenation or a thousands separator; 0 for none. */
function _skippedAt(text: string, index: number, code: number): number {
	if (code === 0x2d) return _matchAt(_lineEndHyphen, text, index) ?? 0;
	if (code === 0x2c || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x27 || code === 0x2019) return _matchAt(_thousandsSeparator, text, index) ?? 0;
	return 0;
}

function _fit(offsets: Int32Array, size: number): Int32Array<ArrayBuffer> {
	const fitted = new Int32Array(size);
	fitted.set(offsets.subarray(0, Math.min(size, offsets.length)));
	return fitted;
}

/** The characters one source character folds to (none for a combining mark). */
function _fold(character: string): string[] {
	const mapped = _quotes[character] ?? (_dashes.test(character) ? '-' : character);
	return [...mapped.normalize('NFKD').toLowerCase()].filter(part => !_combiningMark.test(part));
}

function _matchAt(pattern: RegExp, text: string, index: number): number | undefined {
	pattern.lastIndex = index;
	const match = pattern.exec(text);
	return match === null ? undefined : match[0].length;
}
