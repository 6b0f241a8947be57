import type {DocumentRecord} from '../store/DocumentRecord.js';
import {describeErrorFix} from './describeErrorFix.js';
import type {ReportRecord} from './ReportRecord.js';

/** The failures of one error code, with the fix the code needs. */
export interface FailureGroup {
	code: string;
	fix: string;
	records: ReportRecord[];
}

/** Documents finished per time bucket, for the chart. */
export interface FinishTimeline {
	/** ISO 8601 start of the first bucket and end of the last one. */
	start: string;
	end: string;
	counts: number[];
}

/** The figures at the top of a readable report. */
export interface ReportSummary {
	documents: number;
	byStatus: Record<DocumentRecord['status'], number>;
	needsReview: number;
	/** Documents whose summary came with warnings (an unreadable page, a low OCR confidence…). */
	withWarnings: number;
	pipelines: string[];
	models: string[];
	/** Earliest and latest `updated_at` of the records (null when there are none). */
	firstUpdate: string | null;
	lastUpdate: string | null;
	promptTokens: number;
	outputTokens: number;
	modelSeconds: number;
	/** Documents done per hour of model time (null when no model time was spent). */
	documentsPerModelHour: number | null;
	/** Most frequent first. */
	failures: FailureGroup[];
	timeline: FinishTimeline | null;
}

/** Buckets in the chart of documents finished over time, at most. */
const _maxBuckets = 48;

/** Computes the overview that the HTML and Markdown reports show above the documents. */
export function summarizeReport(records: readonly ReportRecord[]): ReportSummary {
	const byStatus = {pending: 0, running: 0, done: 0, failed: 0};
	let promptTokens = 0;
	let outputTokens = 0;
	let modelSeconds = 0;
	for (const record of records) {
		byStatus[record.status]++;
		promptTokens += record.prompt_tokens ?? 0;
		outputTokens += record.output_tokens ?? 0;
		modelSeconds += record.seconds ?? 0;
	}
	const times = records.map(record => record.updated_at).sort();
	return {
		documents: records.length,
		byStatus,
		needsReview: records.filter(record => record.needs_review === true).length,
		withWarnings: records.filter(record => (record.warnings?.length ?? 0) > 0).length,
		pipelines: _distinct(records.map(record => record.pipeline)),
		models: _distinct(records.map(record => record.model)),
		firstUpdate: times[0] ?? null,
		lastUpdate: times.at(-1) ?? null,
		promptTokens,
		outputTokens,
		modelSeconds,
		documentsPerModelHour: modelSeconds > 0 ? byStatus.done / (modelSeconds / 3600) : null,
		failures: _groupFailures(records),
		timeline: _bucketFinishTimes(records.filter(record => record.status === 'done').map(record => Date.parse(record.updated_at))),
	};
}

function _distinct(values: ReadonlyArray<string | null>): string[] {
	return [...new Set(values.filter(value => value !== null))].sort();
}

function _groupFailures(records: readonly ReportRecord[]): FailureGroup[] {
	const groups = new Map<string, ReportRecord[]>();
	for (const record of records) {
		if (record.status !== 'failed') continue;
		const code = record.error_code ?? 'E_UNKNOWN';
		const group = groups.get(code);
		if (group === undefined) groups.set(code, [record]);
		else group.push(record);
	}
	return [...groups].map(([code, failed]) => ({code, fix: describeErrorFix(code), records: failed}))
		.sort((a, b) => b.records.length - a.records.length || a.code.localeCompare(b.code));
}

function _bucketFinishTimes(times: readonly number[]): FinishTimeline | null {
	const valid = times.filter(time => Number.isFinite(time));
	if (valid.length === 0) return null;
	const start = valid.reduce((a, b) => Math.min(a, b));
	const end = valid.reduce((a, b) => Math.max(a, b));
	const bucketCount = end === start ? 1 : _maxBuckets;
	const width = (end - start) / bucketCount || 1;
	const counts = Array.from({length: bucketCount}, () => 0);
	for (const time of valid) counts[Math.min(bucketCount - 1, Math.floor((time - start) / width))]!++;
	return {start: new Date(start).toISOString(), end: new Date(end).toISOString(), counts};
}
