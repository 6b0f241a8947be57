/** Keeps the calls an engine has in flight, so that closing it can wait for them. */
export class CallTracker {
	readonly #calls = new Set<Promise<unknown>>();

	/** Resolves or rejects as `task` does, counting it as in flight meanwhile. */
	async track<T>(task: Promise<T>): Promise<T> {
		this.#calls.add(task);
		try {
			return await task;
		} finally {
			this.#calls.delete(task);
		}
	}

	/** Waits until every call in flight has settled. */
	async settled(): Promise<void> {
		await Promise.allSettled(this.#calls);
	}
}
