import type {CommandModule} from 'yargs';
import {countFieldValues, type FieldValueCount} from '../../report/countFieldValues.js';
import type {Store} from '../../store/Store.js';
import {formatReviewStatus} from '../formatReviewStatus.js';
import {formatRefusedInputs} from '../formatRefusedInputs.js';
import {openExistingStore} from '../openExistingStore.js';
import {addPipelineFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {formatLiveProgress, formatLiveProgressJson} from '../progress/formatLiveProgress.js';
import {readLiveProgress} from '../progress/readLiveProgress.js';
import {commandIndex} from '../commandIndex.js';

export interface StatusCommand extends Pick<ConfigFlags, 'config' | 'pipeline' | 'db'> {
	json: boolean;
}

/** `precis status`: documents by status (and those with warnings), recent runs and the progress of runs in flight, read live from the database. */
export const StatusCommand: CommandModule<object, StatusCommand> = {
	command: commandIndex.status.command,
	describe: commandIndex.status.describe,
	builder: argv => addPipelineFlags(argv)
		.option('db', {type: 'string', describe: 'SQLite database file'})
		.option('json', {type: 'boolean', default: false, describe: 'Print JSON'}) as never,
	handler(args) {
		const {config} = resolveConfigFromFlags({config: args.config, pipeline: args.pipeline, db: args.db});
		using store = openExistingStore(config.db);
		const fields = countFieldValues(config, store.listDocuments({status: 'done'}), store.listDocumentFields());
		process.stdout.write(args.json ? `${JSON.stringify({..._statusJson(store), ...(fields.length > 0 ? {fields} : {})})}\n` : _statusText(store) + _fieldsText(fields));
	},
};

function _statusJson(store: Store): object {
	const {documents, runs} = store.getStatus();
	return {
		documents: {total: documents.total, done: documents.done, failed: documents.failed, pending: documents.pending + documents.running, needsReview: formatReviewStatus(store).needsReview},
		documentsWithWarnings: documents.withWarnings,
		runs: runs.map(run => ({
			id: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, status: run.status, pipeline: run.pipeline,
			llmCalls: run.llmCalls, cacheHits: run.cacheHits, promptTokens: run.promptTokens, outputTokens: run.outputTokens,
			documents: {total: run.documentsTotal, done: run.documentsDone, failed: run.documentsFailed, skipped: run.documentsSkipped},
		})),
		failures: store.listRecentFailures(10).map(failure => ({path: failure.path, code: failure.errorCode, message: failure.errorMessage, updatedAt: failure.updatedAt})),
		live: formatLiveProgressJson(readLiveProgress(store, runs)),
		refused: store.getRefusedInputs(10),
	};
}

function _statusText(store: Store): string {
	const {documents, runs} = store.getStatus();
	const lines = [
		`documents: ${documents.total} total, ${documents.done} done, ${documents.failed} failed, ${documents.pending + documents.running} pending`, formatReviewStatus(store).text,
		`with warnings: ${documents.withWarnings} done document${documents.withWarnings === 1 ? '' : 's'} (precis export lists the warnings)`, '', 'runs:',
	];
	lines.push(_table([['id', 'started', 'status', 'docs done/failed/skipped', 'calls', 'cached', 'tokens in/out', 'out tok/s'], ...runs.map(run => {
		const seconds = run.finishedAt === null ? (Date.now() - Date.parse(run.startedAt)) / 1000 : (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
		return [String(run.id), run.startedAt.replace('T', ' ').slice(0, 19), run.status, `${run.documentsDone}/${run.documentsFailed}/${run.documentsSkipped} of ${run.documentsTotal}`,
			String(run.llmCalls), String(run.cacheHits), `${run.promptTokens}/${run.outputTokens}`, (run.outputTokens / Math.max(seconds, 0.001)).toFixed(1)];
	})]));
	lines.push(...formatLiveProgress(readLiveProgress(store, runs)));
	const failures = store.listRecentFailures(10);
	if (failures.length > 0) {
		lines.push('', 'recent failures:');
		for (const failure of failures) lines.push(`  ${failure.path}: ${failure.errorCode ?? '?'}: ${failure.errorMessage ?? ''}`);
	}
	lines.push(...formatRefusedInputs(store.getRefusedInputs(5)));
	return `${lines.join('\n')}\n`;
}

/** Per field and question: documents with a value, of those with results for the pipeline's fields. */
function _fieldsText(fields: readonly FieldValueCount[]): string {
	if (fields.length === 0) return '';
	const rows = fields.map(field => [field.id, `${field.withValue} of ${field.documents}`, String(field.supported)]);
	return `\nfields (documents with a value):\n${_table([['field', 'with value', 'supported'], ...rows])}\n`;
}

function _table(rows: string[][]): string {
	const widths = rows[0]?.map((_, column) => Math.max(...rows.map(row => (row[column] ?? '').length))) ?? [];
	return rows.map(row => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd()).join('\n');
}
