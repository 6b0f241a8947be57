/** How an HTTP call to a server failed: an error answer, no connection, or no answer in time. */
export type RequestFailureKind = 'http' | 'connection' | 'timeout';

/** A failed call to one server, before it becomes an EngineError (see `OpenAiEngine`). */
export class RequestFailure extends Error {
	override name = 'RequestFailure';
	readonly kind: RequestFailureKind;
	readonly url: string;
	/** HTTP status of an error answer. */
	readonly status: number | undefined;
	/** The server's `error.type`, such as llama-server's `exceed_context_size_error`. */
	readonly errorType: string | undefined;
	/** How long the server asked callers to wait (`Retry-After` of a 429 or 503). */
	readonly retryAfterMs: number | undefined;

	constructor(kind: RequestFailureKind, url: string, message: string, options: {status?: number; errorType?: string; retryAfterMs?: number | undefined; cause?: unknown} = {}) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.kind = kind;
		this.url = url;
		this.status = options.status;
		this.errorType = options.errorType;
		this.retryAfterMs = options.retryAfterMs;
	}

	/** Whether the same call may succeed later or elsewhere: 408, 429, 5xx, a lost connection or a timeout. */
	get transient(): boolean {
		if (this.kind !== 'http') return true;
		const status = this.status ?? 0;
		return status === 408 || status === 429 || status >= 500;
	}

	/** Whether the server refused the prompt as longer than its context. */
	get promptTooLong(): boolean {
		if (this.errorType === 'exceed_context_size_error') return true;
		return this.status === 400 && /context length|context size|maximum context/i.test(this.message);
	}
}
