import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {ResolvedConfig} from '../config/schema.js';
import type {DocumentRecord} from '../store/DocumentRecord.js';
import type {FieldColumns} from './createFieldColumns.js';
import {formatRecords, type ReportFormat} from './formatRecords.js';
import type {ReportScope} from './ReportRecord.js';

/**
 * Writes a run's report where the pipeline says (`{date}` in the path becomes YYYY-MM-DD of the
 * scope's `generatedAt`), one file per format; returns the paths. With several formats, each file
 * is the path with its extension changed to the format's.
 */
export function writeReportFile(records: readonly DocumentRecord[], options: ResolvedConfig['report'], scope: ReportScope, fieldColumns?: FieldColumns): string[] {
	if (options.format === 'none') throw new Error('writeReportFile needs a report format');
	const formats: readonly ReportFormat[] = typeof options.format === 'string' ? [options.format] : options.format;
	const dated = options.path.replaceAll('{date}', scope.generatedAt.toISOString().slice(0, 10));
	return formats.map(format => {
		const file = formats.length === 1 ? dated : `${dated.replace(/\.[^./\\]*$/, '')}.${format}`;
		mkdirSync(dirname(file), {recursive: true});
		writeFileSync(file, formatRecords(records, format, {bom: options.bom, scope, fieldColumns}));
		return file;
	});
}
