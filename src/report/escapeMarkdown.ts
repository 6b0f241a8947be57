/**
 * Escapes text for Markdown (CommonMark and GitHub) so that it shows as written: inline markers,
 * HTML and entities are backslash-escaped, and a line that would start a heading, list, quote,
 * rule or code block is neutralised. `inline` also folds line breaks into spaces (table cells, list
 * items and headings are one line).
 */
export function escapeMarkdown(text: string, options: {inline?: boolean} = {}): string {
	const escaped = text
		.replaceAll(/[\\`*_[\]<>&|~#!]/g, '\\$&')
		.replaceAll(/^[ \t]+/gm, '')
		.replaceAll(/^([-+=])(?=[\s\-+=]|$)/gm, '\\$1')
		.replaceAll(/^(\d{1,9})([.)])(?=\s|$)/gm, '$1\\$2');
	return options.inline === true ? escaped.replaceAll(/\s*(?:\r\n|\r|\n)\s*/g, ' ') : escaped;
}
