import {stringify} from 'csv-stringify/sync';
import {documentRecordFields, type DocumentRecord} from '../store/DocumentRecord.js';

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
}

/**
 * Writes records as RFC 4180 CSV: a header row of the {@link DocumentRecord} field names, CRLF
 * after every record, and fields quoted when they hold a comma, a quote, CR or LF (quotes doubled).
 * Text is written exactly as stored (no trimming or normalization); `null` becomes an empty field.
 * `key_points` is written as its JSON array text, which keeps key points that contain newlines or
 * commas recoverable.
 */
export function exportCsv(records: readonly DocumentRecord[], options: ExportCsvOptions = {}): string {
	const rows = records.map(record => documentRecordFields.map(field =>
		field === 'key_points' ? _formatKeyPoints(record.key_points) : record[field]));
	return stringify(rows, {
		header: true,
		columns: [...documentRecordFields],
		record_delimiter: 'windows',
		// csv-stringify stops quoting fields with a lone CR or LF once record_delimiter is set: force it.
		quote_record_delimiter: true,
		bom: options.bom ?? false,
		escape_formulas: options.escapeFormulas ?? false,
	});
}

function _formatKeyPoints(keyPoints: readonly string[] | null): string | null {
	return keyPoints === null ? null : JSON.stringify(keyPoints);
}
