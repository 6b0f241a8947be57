import type {ResolvedConfig} from '../config/schema.js';
import {createFieldColumns} from '../report/createFieldColumns.js';
import {writeReportFile} from '../report/writeReportFile.js';
import type {RunResult} from '../run/runBatch.js';
import type {Store} from '../store/Store.js';
import type {LogLine} from './createLogLine.js';

export interface ReportRunOutcomeOptions {
	store: Store;
	report: ResolvedConfig['report'];
	/** The pipeline's fields and questions: report columns. */
	fields: Pick<ResolvedConfig, 'fields' | 'questions'>;
	/** Print the totals as one JSON object on stdout. */
	json: boolean;
	log: LogLine;
	/** How the command ended: a run finishes (or is interrupted); a watcher is stopped. */
	ending: 'finished' | 'stopped';
}

/** After a run or a watcher: writes the pipeline's report file, prints the totals, and logs the summary line. */
export function reportRunOutcome(result: RunResult, options: ReportRunOutcomeOptions): void {
	if (options.report.format !== 'none') {
		const files = writeReportFile(options.store.listDocuments({runId: result.runId}), options.report, {selection: `run ${result.runId}`, generatedAt: new Date()}, createFieldColumns(options.fields, options.store.listDocumentFields()));
		for (const file of files) options.log({event: 'report', path: file}, `report written to ${file}`);
	}
	const totals = {
		runId: result.runId, documents: result.documents, llmCalls: result.llmCalls, cacheHits: result.cacheHits,
		promptTokens: result.promptTokens, evaluatedPromptTokens: result.evaluatedPromptTokens, outputTokens: result.outputTokens,
		maxPromptTokens: result.maxPromptTokens, texts: result.texts, contextSize: result.contextSize, wallSeconds: Math.round(result.wallSeconds * 1000) / 1000,
		needsReview: options.store.countNeedsReview(result.runId),
	};
	if (options.json) process.stdout.write(`${JSON.stringify(totals)}\n`);
	const {total, done, failed, skipped, failedBefore} = result.documents;
	// Documents that failed before and were skipped are still failed: the closing line says so.
	const stillFailed = failedBefore > 0 ? ` (${failedBefore} of them failed before and are still failed: see precis status; --retry-failed tries them again)` : '';
	const counts = `${total} documents, ${done} done, ${failed} failed, ${skipped} skipped${stillFailed}; ${result.llmCalls} model calls, ${result.cacheHits} cached; ${totals.wallSeconds} s; ${totals.needsReview} need review`;
	if (options.ending === 'stopped') {
		options.log({event: 'stopped', ...totals}, `stopped watching; run ${result.runId}: ${counts}`);
	} else {
		options.log({event: 'finished', interrupted: result.interrupted, ...totals}, `${result.interrupted ? 'interrupted' : 'finished'} run ${result.runId}: ${counts}`);
	}
}
