/** A line of a table: cells separated by `|` (`a | b`, `| a | b |`), or a grid table's rule (`+---+---+`). */
const _tableRow = /^\s*\|.*\|\s*$|\S[^\S\n]+\|[^\S\n]+\S|^\s*\+[-=+:]+\+\s*$/u;

/**
 * Whether a line is a table row, as the readers write them: PDF rows `a | b | c`, Markdown rows
 * from DOCX tables, plain-text grid tables.
 */
export function isTableRow(line: string): boolean {
	return _tableRow.test(line);
}
