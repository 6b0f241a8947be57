import type {DocumentRow} from '../store/types.js';
import {isOcrKeyCurrent} from './getSettingsKeys.js';

/** What a run does with a document it found: skip it (and why), or work on it. */
export type DocumentDecision = 'skip-done' | 'skip-failed' | 'process';

/** What a run knows of a document and of its own settings before working on it. */
export interface DocumentCircumstances {
	/** Hash of the file's bytes now. */
	sha256: string;
	/** Hash of the settings a summary depends on; a summary made under others is made again. */
	summaryKey: string;
	/** What earlier precis releases stored for the same settings (see `SettingsKeys.earlierSummaryKeys`). */
	earlierSummaryKeys: readonly string[];
	/** The OCR keys under which a stored text is what the run would read now (see `SettingsKeys.currentOcrKeys`). */
	currentOcrKeys: readonly string[];
	/**
	 * The run's settings keys a failure may have been recorded under (see `getSettingsKeys`): a
	 * permanent failure recorded under another key was decided by settings that changed since.
	 */
	failureKeys: readonly string[];
	/** Work on every document, done or failed. */
	force: boolean;
	/** Work on every failed document, permanent or not. */
	retryFailed: boolean;
}

/**
 * The rule "skip or redo this document", in one place (the lease protocol then decides who works
 * on it): a document is skipped when its stored row is a summary of the same bytes under the same
 * summary settings, of a text the run's OCR settings would read alike ('skip-done'), or a permanent
 * failure of the same bytes under the same deciding settings ('skip-failed'); anything else — new
 * or changed bytes, other settings, OCR settings that change the text, a transient failure, an
 * attempt left pending or running — is worked on. Rows written before failures kept their settings
 * (no `failureKey`) stay skipped until the bytes change, as they were; so do summaries stored before
 * precis kept their OCR key (no `ocrKey`) when only OCR settings change.
 */
export function decideDocument(row: DocumentRow | undefined, now: DocumentCircumstances): DocumentDecision {
	if (now.force || row === undefined || row.sha256 !== now.sha256) return 'process';
	if (row.status === 'done') return _hasSummarySettings(row, now) && isOcrKeyCurrent(row.ocrKey, now.currentOcrKeys) ? 'skip-done' : 'process';
	if (row.status !== 'failed' || now.retryFailed || row.retryable !== false) return 'process';
	return row.failureKey === null || now.failureKeys.includes(row.failureKey) ? 'skip-failed' : 'process';
}

function _hasSummarySettings(row: DocumentRow, now: DocumentCircumstances): boolean {
	return row.summaryKey === now.summaryKey || (row.summaryKey !== null && now.earlierSummaryKeys.includes(row.summaryKey));
}
