export interface RetrySchedulerOptions {
	/** Delay before the first retry; each further one doubles it. */
	baseMs: number;
	/** Longest delay between two retries. */
	maxMs: number;
	/** Time to try `path` again. */
	onRetry: (path: string) => void;
}

export interface RetryScheduler {
	/** `path` failed transiently: try it again after the next delay of its backoff. */
	failed: (path: string) => void;
	/** `path` succeeded, failed for good, changed or vanished: drop its retry and start its backoff over. */
	forget: (path: string) => void;
	/** Paths waiting for a retry. */
	readonly waiting: number;
	/** Cancels every retry; safe to call twice. */
	close: () => void;
}

/**
 * Exponential backoff per path, for the watcher's transient failures (a server that was down): the
 * n-th retry of a path comes `baseMs * 2^(n-1)` after its failure, at most `maxMs`, drawn between
 * half and all of it so that files that failed together do not retry together.
 */
export function createRetryScheduler(options: RetrySchedulerOptions): RetryScheduler {
	if (!(options.baseMs > 0 && options.maxMs >= options.baseMs)) {
		throw new TypeError(`Expected \`baseMs\` > 0 and \`maxMs\` >= \`baseMs\`, got ${options.baseMs} and ${options.maxMs}`);
	}
	const retries = new Map<string, {attempt: number; timer: NodeJS.Timeout | undefined}>();
	let closed = false;
	return {
		failed(path) {
			if (closed) return;
			const retry = retries.get(path) ?? {attempt: 0, timer: undefined};
			clearTimeout(retry.timer);
			retry.attempt++;
			const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (retry.attempt - 1));
			retry.timer = setTimeout(() => {
				retry.timer = undefined;
				options.onRetry(path);
			}, Math.round(ceiling / 2 + (Math.random() * ceiling) / 2));
			retries.set(path, retry);
		},
		forget(path) {
			clearTimeout(retries.get(path)?.timer);
			retries.delete(path);
		},
		get waiting() {
			let count = 0;
			for (const retry of retries.values()) if (retry.timer !== undefined) count++;
			return count;
		},
		close() {
			closed = true;
			for (const retry of retries.values()) clearTimeout(retry.timer);
			retries.clear();
		},
	};
}
