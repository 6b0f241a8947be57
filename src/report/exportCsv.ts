import {stringify} from 'csv-stringify/sync';
import {documentRecordFields, type DocumentRecord} from '../store/DocumentRecord.js';
import {formatNumberRanges} from '../text/formatNumberRanges.js';

export interface ExportCsvOptions {
	/** Start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8. @default false */
	bom?: boolean;
	/**
	 * Prefix `'` to cells that start with `=`, `+`, `-`, `@`, tab or CR (and their full-width forms),
	 * so that a spreadsheet shows them as text instead of running them as formulas (OWASP "CSV
	 * injection"). Off by default because it changes the data: summaries often start with `-`, and
	 * CSV is read by programs too. Turn it on for files meant to be opened in a spreadsheet.
	 * @default false
	 */
	escapeFormulas?: boolean;
	/** Columns after the record's own (the pipeline's fields): their names, and each record's cells. */
	extraColumns?: {header: readonly string[]; cells: (record: DocumentRecord) => ReadonlyArray<string | null>};
}

/** CSV columns: the record's fields, with `citations` written as the pages they cite (`cited_pages`). */
export const csvColumns = documentRecordFields.map(field => (field === 'citations' ? 'cited_pages' : field));

/**
 * Writes records as RFC 4180 CSV: a header row of {@link csvColumns}, CRLF
 * after every record, and fields quoted when they hold a comma, a quote, CR or LF (quotes doubled).
 * Text is written exactly as stored (no trimming or normalization); `null` becomes an empty field.
 * `key_points` and `warnings` are written as their JSON array text, which keeps items that contain
 * newlines, commas or semicolons recoverable. The check of the summary gives `cited_pages` ("1-2; 5"), `unsupported_facts`
 * (their text joined by "; ") and `needs_review` (`true`/`false`), empty when the summary was not checked.
 */
export function exportCsv(records: readonly DocumentRecord[], options: ExportCsvOptions = {}): string {
	const {extraColumns} = options;
	const rows = records.map(record => [...documentRecordFields.map(field => _formatCell(record, field)), ...(extraColumns?.cells(record) ?? [])]);
	return stringify(rows, {
		header: true,
		columns: [...csvColumns, ...(extraColumns?.header ?? [])],
		record_delimiter: 'windows',
		// csv-stringify stops quoting fields with a lone CR or LF once record_delimiter is set: force it.
		quote_record_delimiter: true,
		bom: options.bom ?? false,
		escape_formulas: options.escapeFormulas ?? false,
	});
}

function _formatCell(record: DocumentRecord, field: (typeof documentRecordFields)[number]): string | number | null {
	switch (field) {
		case 'key_points': return record.key_points === null ? null : JSON.stringify(record.key_points);
		case 'warnings': return record.warnings === null ? null : JSON.stringify(record.warnings);
		case 'citations': return record.citations === null ? null : formatNumberRanges(record.citations.flatMap(citation => citation.pages));
		case 'unsupported_facts': return record.unsupported_facts === null ? null : record.unsupported_facts.map(fact => fact.text).join('; ');
		case 'needs_review': return record.needs_review === null ? null : String(record.needs_review);
		default: return record[field];
	}
}
