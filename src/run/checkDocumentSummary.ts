import type {ResolvedConfig} from '../config/schema.js';
import type {ExtractionPool} from '../ingest/ExtractionPool.js';
import type {SourceDocument} from '../ingest/SourceDocument.js';
import type {Store} from '../store/Store.js';
import {indexSource} from '../verify/indexSource.js';
import {checkerVersion, type VerificationResult} from '../verify/VerificationResult.js';
import {verifySummary} from '../verify/verifySummary.js';
import {hashJson} from './hashJson.js';

export type VerifyConfig = ResolvedConfig['verify'];

/** Hash of what decides a check's outcome: the checker's version and its threshold. */
export function getVerifyKey(settings: VerifyConfig): string {
	return hashJson({checker: checkerVersion, supportThreshold: settings.supportThreshold});
}

/**
 * Checks the summary just stored for `file` against the extracted document and records the result
 * with it (nothing when `verify.enabled` is off). Returns the result.
 */
export function checkDocumentSummary(store: Store, file: string, document: Pick<SourceDocument, 'sha256' | 'text' | 'pageStarts'>, summary: {summary: string; keyPoints?: string[] | null}, settings: VerifyConfig): VerificationResult | undefined {
	if (!settings.enabled) return undefined;
	const result = verifySummary(summary.summary, indexSource(document.text, document.pageStarts), {supportThreshold: settings.supportThreshold, keyPoints: summary.keyPoints ?? []});
	store.putVerification(file, document.sha256, summary.summary, {
		verifyKey: getVerifyKey(settings), needsReview: result.needs_review, citations: result.citations,
		unsupportedFacts: result.unsupported_facts, repairedFrom: null,
	});
	return result;
}

/**
 * For a document skipped as already summarized: checks its stored summary again when it was never
 * checked or the checker's settings changed since, from the source extracted anew (the store keeps
 * summaries, not sources); no model call. A source that can no longer be read keeps the old check.
 */
export async function recheckStoredSummary(store: Store, pool: Pick<ExtractionPool, 'extract'>, file: string, settings: VerifyConfig): Promise<boolean> {
	if (!settings.enabled) return false;
	const row = store.getDocument(file);
	if (row?.summary === null || row?.summary === undefined || store.getVerification(file)?.verifyKey === getVerifyKey(settings)) return false;
	try {
		const document = await pool.extract(file);
		if (document.sha256 !== row.sha256) return false;
		checkDocumentSummary(store, file, document, {summary: row.summary, keyPoints: row.keyPoints}, settings);
		return true;
	} catch {
		return false;
	}
}
