/**
 * The error family of precis. Every failure a user can cause or meet carries a short string code
 * that is stored in SQLite and shown in exports, and a one-line message naming what failed, where,
 * and how to fix it. Match errors by `code` (see {@link isPipelineError}), since codes are read back
 * from the database.
 */

export type ErrorCode =
	| 'E_UNSUPPORTED_FORMAT'
	| 'E_NO_TEXT'
	| 'E_PARSE_FAILED'
	| 'E_ENCRYPTED'
	| 'E_TOO_LARGE'
	| 'E_TIMEOUT'
	| 'E_FILE_UNREADABLE'
	| 'E_INPUT_CHANGED'
	| 'E_PROMPT_TOO_LONG'
	| 'E_GENERATION_FAILED'
	| 'E_ENGINE_UNAVAILABLE'
	| 'E_CONFIG_INVALID'
	| 'E_USAGE'
	| 'E_MODEL_LOAD'
	| 'E_MODEL_UNAVAILABLE'
	| 'E_DB_BUSY'
	| 'E_INTERRUPTED';

/** Codes of failures decided by a document's bytes alone: no setting changes them. */
const _bytesOnlyCodes: ReadonlySet<string> = new Set<ErrorCode>(['E_UNSUPPORTED_FORMAT', 'E_NO_TEXT', 'E_PARSE_FAILED', 'E_ENCRYPTED']);

/**
 * Codes of failures that the same bytes under the same settings meet again: not retried until the
 * file or the settings that decided it change (E_TOO_LARGE and E_TIMEOUT name the limit to raise).
 */
const _permanentCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([..._bytesOnlyCodes as ReadonlySet<ErrorCode>, 'E_TOO_LARGE', 'E_TIMEOUT']);

/** Whether a failure with `code` depends on the document's bytes alone, so that no change of settings is worth a retry. */
export function isDecidedByBytesAlone(code: string): boolean {
	return _bytesOnlyCodes.has(code);
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
		this.retryable = options.retryable ?? !_permanentCodes.has(code);
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
