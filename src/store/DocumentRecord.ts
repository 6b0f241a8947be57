import type {Citation, UnsupportedFact} from '../verify/VerificationResult.js';

/**
 * One document's outcome as the report exporters write it (snake_case, like the exported columns).
 * Returned by `Store.listDocuments`; the field order here is the column order of CSV exports.
 */
export interface DocumentRecord {
	path: string;
	sha256: string | null;
	format: string | null;
	pages: number | null;
	title: string | null;
	status: 'pending' | 'running' | 'done' | 'failed';
	error_code: string | null;
	error_message: string | null;
	summary: string | null;
	key_points: string[] | null;
	model: string | null;
	pipeline: string | null;
	prompt_tokens: number | null;
	output_tokens: number | null;
	seconds: number | null;
	updated_at: string;
	/** The summary's statements traced to pages (src/verify); null when the summary was not checked with the current settings. */
	citations: Citation[] | null;
	/** Facts of the summary that the source does not contain; null when not checked. */
	unsupported_facts: UnsupportedFact[] | null;
	/** Whether a person should check the summary: a fact unsupported or a statement under the support threshold; null when not checked. */
	needs_review: boolean | null;
	/**
	 * What went wrong short of failing, for a person to check (an unreadable page, a page OCRed with a
	 * low confidence, a summary or field answer that did not parse): every warning of the attempt that
	 * produced the current summary; null without a summary, and for summaries stored before precis kept them.
	 */
	warnings: string[] | null;
}

/** The fields of {@link DocumentRecord} in export order. */
export const documentRecordFields = [
	'path',
	'sha256',
	'format',
	'pages',
	'title',
	'status',
	'error_code',
	'error_message',
	'summary',
	'key_points',
	'model',
	'pipeline',
	'prompt_tokens',
	'output_tokens',
	'seconds',
	'updated_at',
	'citations',
	'unsupported_facts',
	'needs_review',
	'warnings',
] as const satisfies ReadonlyArray<keyof DocumentRecord>;
