import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {CommandModule} from 'yargs';
import {PipelineError} from '../../errors.js';
import {reportFileFormats} from '../../config/schema.js';
import {createFieldColumns} from '../../report/createFieldColumns.js';
import {formatRecords, type ReportFormat} from '../../report/formatRecords.js';
import {openExistingStore} from '../openExistingStore.js';
import {addPipelineFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {commandIndex} from '../commandIndex.js';

export interface ExportCommand extends Pick<ConfigFlags, 'config' | 'pipeline' | 'db'> {
	format: ReportFormat;
	out?: string;
	run?: number;
	since?: string;
	all: boolean;
	status?: 'done' | 'failed';
	bom?: boolean;
}

/** `precis export`: one record per document, as CSV, JSON or JSON Lines, or a readable HTML or Markdown report. */
export const ExportCommand: CommandModule<object, ExportCommand> = {
	command: commandIndex.export.command,
	describe: commandIndex.export.describe,
	builder: argv => addPipelineFlags(argv)
		.option('db', {type: 'string', describe: 'SQLite database file'})
		.option('format', {choices: reportFileFormats, default: 'json' as const, describe: 'Output format (html: one self-contained page; md: Markdown)'})
		.option('out', {type: 'string', describe: 'Write to this file instead of stdout'})
		.option('run', {type: 'number', describe: 'Only documents written by this run'})
		.option('since', {type: 'string', describe: 'Only documents updated since this date/time (ISO 8601)'})
		.option('all', {type: 'boolean', default: false, describe: 'Every document (the default)'})
		.option('status', {choices: ['done', 'failed'] as const, describe: 'Only documents with this status'})
		.option('bom', {type: 'boolean', describe: 'Start CSV with a UTF-8 BOM (default: report.bom)'})
		.conflicts('run', 'since') as never,
	handler(args) {
		const {config} = resolveConfigFromFlags({config: args.config, pipeline: args.pipeline, db: args.db});
		const since = args.since === undefined ? undefined : new Date(args.since);
		if (since !== undefined && Number.isNaN(since.getTime())) {
			throw new PipelineError('E_USAGE', `--since expects a date such as 2026-11-27 or 2026-11-27T08:00:00Z, got "${args.since}"`, {retryable: false});
		}
		using store = openExistingStore(config.db);
		const records = args.all ? store.listDocuments({...(args.status === undefined ? {} : {status: args.status})}) : store.listDocuments({
			...(args.run === undefined ? {} : {runId: args.run}),
			...(since === undefined ? {} : {since}),
			...(args.status === undefined ? {} : {status: args.status}),
		});
		const output = formatRecords(records, args.format, {bom: args.bom ?? config.report.bom, scope: {selection: _describeSelection(args), generatedAt: new Date()}, fieldColumns: createFieldColumns(config, store.listDocumentFields())});
		if (args.out === undefined) {
			process.stdout.write(output);
		} else {
			mkdirSync(dirname(args.out), {recursive: true});
			writeFileSync(args.out, output);
		}
	},
};

/** The selection in words, for the heading of HTML and Markdown reports. */
function _describeSelection(args: ExportCommand): string {
	const documents = args.status === undefined ? 'documents' : `${args.status} documents`;
	if (!args.all && args.run !== undefined) return `${documents} of run ${args.run}`;
	if (!args.all && args.since !== undefined) return `${documents} updated since ${args.since}`;
	return args.status === undefined ? 'all documents' : `all ${documents}`;
}
