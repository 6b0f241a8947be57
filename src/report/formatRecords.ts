import type {DocumentRecord} from '../store/DocumentRecord.js';
import type {FieldColumns} from './createFieldColumns.js';
import {exportCsv} from './exportCsv.js';
import {exportJson} from './exportJson.js';
import {exportJsonl} from './exportJsonl.js';
import {renderHtmlReport} from './renderHtmlReport.js';
import {renderMarkdownReport} from './renderMarkdownReport.js';
import type {ReportScope} from './ReportRecord.js';

export type ReportFormat = 'csv' | 'json' | 'jsonl' | 'html' | 'md';

export interface FormatRecordsOptions {
	/** Start CSV with a UTF-8 byte order mark. @default false */
	bom?: boolean;
	/** What the readable reports (HTML, Markdown) say they cover. @default every document, generated now */
	scope?: ReportScope;
	/** The pipeline's field and question columns (CSV), nested as `fields` and `answers` (JSON, JSON Lines, HTML and Markdown). */
	fieldColumns?: FieldColumns | undefined;
}

/** Renders records in one of the report formats. */
export function formatRecords(records: readonly DocumentRecord[], format: ReportFormat, options: FormatRecordsOptions = {}): string {
	const scope = options.scope ?? {selection: 'all documents', generatedAt: new Date()};
	const {fieldColumns} = options;
	if (format === 'csv') return exportCsv(records, {bom: options.bom ?? false, ...(fieldColumns === undefined ? {} : {extraColumns: fieldColumns})});
	// The other formats nest each record's field values (CSV gives them columns instead).
	const nested = fieldColumns === undefined ? records : records.map(record => fieldColumns.nest(record));
	switch (format) {
		case 'json': return exportJson(nested);
		case 'jsonl': return exportJsonl(nested);
		case 'html': return renderHtmlReport(nested, scope);
		case 'md': return renderMarkdownReport(nested, scope);
	}
}
