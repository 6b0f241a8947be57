import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {ResolvedConfig} from '../config/schema.js';
import type {DocumentRecord} from '../store/DocumentRecord.js';
import {formatRecords} from './formatRecords.js';

/** Writes a run's report where the pipeline says (`{date}` in the path becomes YYYY-MM-DD); returns the path. */
export function writeReportFile(records: readonly DocumentRecord[], options: ResolvedConfig['report'], date: Date): string {
	if (options.format === 'none') throw new Error('writeReportFile needs a report format');
	const file = options.path.replaceAll('{date}', date.toISOString().slice(0, 10));
	mkdirSync(dirname(file), {recursive: true});
	writeFileSync(file, formatRecords(records, options.format, {bom: options.bom}));
	return file;
}
