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
] as const satisfies ReadonlyArray<keyof DocumentRecord>;
