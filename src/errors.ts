/**
 * The error family of precis. Every failure a user can cause or meet carries a short string code
 * that is stored in SQLite and shown in exports, and a one-line message naming what failed, where,
 * and how to fix it. Match errors by `code` (see {@link isPipelineError}), since codes are read back
 * from the database.
 */

/** Every code a precis error carries; stored as text with a failed document. */
export const errorCodes = [
	'E_UNSUPPORTED_FORMAT',
	'E_NO_TEXT',
	'E_PARSE_FAILED',
	'E_ENCRYPTED',
	'E_TOO_LARGE',
	'E_TIMEOUT',
	'E_FILE_UNREADABLE',
	'E_INPUT_CHANGED',
	'E_PROMPT_TOO_LONG',
	'E_GENERATION_FAILED',
	'E_ENGINE_UNAVAILABLE',
	'E_CONFIG_INVALID',
	'E_USAGE',
	'E_MODEL_LOAD',
	'E_MODEL_UNAVAILABLE',
	'E_DB_BUSY',
	'E_INTERRUPTED',
] as const;

export type ErrorCode = typeof errorCodes[number];

/**
 * What decides a document's failure, recorded with it (the runner's `getFailureKey`) so that a
 * rerun tries it again once that changed:
 * - `bytes`: the document's bytes alone (a broken, encrypted or unsupported file): no setting changes it;
 * - `ocr`: the bytes and whether and in which languages OCR reads them (a scan read with OCR off);
 * - `extraction`: the bytes and the extraction settings (`extract.*`: a limit, time or memory);
 * - `summary`: the text and the summary settings (engine, context, chunking, summarize);
 * - `stage`: the settings of the stage it happened at (extraction while reading; extraction and
 *   summary after): codes either stage may meet, transient ones, and run errors.
 */
export type FailureDecider = 'bytes' | 'ocr' | 'extraction' | 'summary' | 'stage';

/**
 * Per code: what decides a failure, and whether it is `permanent` by default (the same bytes under
 * the same deciding settings meet it again, so it is not retried until they change; an error may
 * still say otherwise with `retryable`). E_TOO_LARGE and E_TIMEOUT name the limit to raise.
 */
export const errorCodeRules: Readonly<Record<ErrorCode, {decidedBy: FailureDecider; permanent: boolean}>> = {
	E_UNSUPPORTED_FORMAT: {decidedBy: 'bytes', permanent: true},
	E_NO_TEXT: {decidedBy: 'ocr', permanent: true},
	E_PARSE_FAILED: {decidedBy: 'bytes', permanent: true},
	E_ENCRYPTED: {decidedBy: 'bytes', permanent: true},
	E_TOO_LARGE: {decidedBy: 'extraction', permanent: true},
	E_TIMEOUT: {decidedBy: 'extraction', permanent: true},
	E_FILE_UNREADABLE: {decidedBy: 'stage', permanent: false},
	E_INPUT_CHANGED: {decidedBy: 'stage', permanent: false},
	E_PROMPT_TOO_LONG: {decidedBy: 'summary', permanent: false},
	E_GENERATION_FAILED: {decidedBy: 'stage', permanent: false},
	E_ENGINE_UNAVAILABLE: {decidedBy: 'stage', permanent: false},
	E_CONFIG_INVALID: {decidedBy: 'stage', permanent: false},
	E_USAGE: {decidedBy: 'stage', permanent: false},
	E_MODEL_LOAD: {decidedBy: 'stage', permanent: false},
	E_MODEL_UNAVAILABLE: {decidedBy: 'stage', permanent: false},
	E_DB_BUSY: {decidedBy: 'stage', permanent: false},
	E_INTERRUPTED: {decidedBy: 'stage', permanent: false},
};

/** What decides a failure with `code` (read back from the database: an unknown code counts as `stage`). */
export function getFailureDecider(code: string): FailureDecider {
	return Object.hasOwn(errorCodeRules, code) ? errorCodeRules[code as ErrorCode].decidedBy : 'stage';
}

export interface PipelineErrorOptions {
	cause?: unknown;
	/** Whether running the same work again may succeed. @default true unless the code is a permanent document failure */
	retryable?: boolean;
	/** A short hint shown under the message by the CLI. */
	hint?: string;
}

export class PipelineError extends Error {
	override name = 'PipelineError';
	readonly code: ErrorCode;
	readonly retryable: boolean;
	readonly hint: string | undefined;

	constructor(code: ErrorCode, message: string, options: PipelineErrorOptions = {}) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.code = code;
		this.retryable = options.retryable ?? !errorCodeRules[code].permanent;
		this.hint = options.hint;
	}
}

/** A document could not be read; `path` names it. */
export class IngestError extends PipelineError {
	override name = 'IngestError';
	readonly path: string;

	constructor(code: ErrorCode, path: string, message: string, options: PipelineErrorOptions = {}) {
		super(code, message, options);
		this.path = path;
	}
}

/** One problem found in a configuration: where (`path`) and what was expected and found. */
export interface ConfigIssue {
	path: string;
	message: string;
}

/** The configuration (a YAML file merged with CLI flags) is invalid; every problem is listed. */
export class ConfigError extends PipelineError {
	override name = 'ConfigError';
	readonly issues: readonly ConfigIssue[];
	readonly file: string | undefined;

	constructor(file: string | undefined, issues: readonly ConfigIssue[], options: PipelineErrorOptions = {}) {
		const where = file === undefined ? 'configuration' : file;
		const lines = issues.map(issue => `  ${issue.path}: ${issue.message}`).join('\n');
		super('E_CONFIG_INVALID', `invalid ${where}:\n${lines}`, {retryable: false, ...options});
		this.issues = issues;
		this.file = file;
	}
}

/**
 * precis cannot work on this machine as installed (its extraction processes cannot start): no
 * document's fault, so the run stops without recording a failure against any.
 */
export class InstallationError extends PipelineError {
	override name = 'InstallationError';

	constructor(message: string, options: PipelineErrorOptions = {}) {
		super('E_CONFIG_INVALID', message, options);
	}
}

/** The model or inference engine failed: loading, generation, or a prompt that does not fit. */
export class EngineError extends PipelineError {
	override name = 'EngineError';
}

/** Whether a value is a PipelineError, also when it crossed a process or was read back (matched by shape). */
export function isPipelineError(value: unknown): value is PipelineError {
	if (value instanceof PipelineError) return true;
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as {code?: unknown; message?: unknown};
	return typeof candidate.code === 'string' && candidate.code.startsWith('E_') && typeof candidate.message === 'string';
}

/** Wraps anything thrown into an Error, so callers can read `.message` safely. */
export function toError(value: unknown): Error {
	if (value instanceof Error) return value;
	return new Error(typeof value === 'string' ? value : JSON.stringify(value));
}
