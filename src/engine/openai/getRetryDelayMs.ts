export interface RetryDelayOptions {
	/** 1 for the first retry. */
	attempt: number;
	baseMs: number;
	/** What the server asked for in `Retry-After`, if anything. */
	retryAfterMs?: number | undefined;
	/** The longest wait a `Retry-After` may impose. */
	maxMs: number;
	/** @default Math.random */
	random?: () => number;
}

/**
 * The wait before a retry: exponential backoff (base * 2^(attempt-1), capped at 32 * base), drawn
 * between half and all of it (jitter); never shorter than the server's `Retry-After` (up to `maxMs`).
 */
export function getRetryDelayMs(options: RetryDelayOptions): number {
	const ceiling = options.baseMs * 2 ** Math.min(options.attempt - 1, 5);
	const backoff = Math.round(ceiling / 2 + ((options.random ?? Math.random)() * ceiling) / 2);
	return Math.max(backoff, Math.min(options.retryAfterMs ?? 0, options.maxMs));
}

/** Milliseconds from a `Retry-After` header (delay-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
	if (header === null || header.trim() === '') return undefined;
	if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
	const date = Date.parse(header);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
