import type {DocumentRecord} from '../store/DocumentRecord.js';
import {exportCsv} from './exportCsv.js';
import {exportJson} from './exportJson.js';
import {exportJsonl} from './exportJsonl.js';

export type ReportFormat = 'csv' | 'json' | 'jsonl';

/** Renders records in one of the report formats. */
export function formatRecords(records: readonly DocumentRecord[], format: ReportFormat, options: {bom?: boolean} = {}): string {
	if (format === 'csv') return exportCsv(records, {bom: options.bom ?? false});
	return format === 'json' ? exportJson(records) : exportJsonl(records);
}
