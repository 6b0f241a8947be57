const _ligatures: Readonly<Record<string, string>> = {
	'\uFB00': 'ff',
	'\uFB01': 'fi',
	'\uFB02': 'fl',
	'\uFB03': 'ffi',
	'\uFB04': 'ffl',
	'\uFB05': 'st',
	'\uFB06': 'st',
};

/**
 * Cleans one line of extracted text: expands Latin ligatures (U+FB00–FB06), drops soft hyphens,
 * control and zero-width characters, and turns every run of whitespace (tabs, no-break and
 * ideographic spaces included) into one space, trimmed.
 */
export function normalizePdfText(text: string): string {
	return text
		.replace(/[\uFB00-\uFB06]/g, ligature => _ligatures[ligature] ?? ligature)
		// eslint-disable-next-line no-control-regex
		.replace(/[\u00AD\u0000-\u0008\u000E-\u001F\u007F\u200B\u2060\uFEFF]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}
