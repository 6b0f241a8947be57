/**
 * An unbounded, de-duplicated queue of file paths that a run pulls from (several lanes at once)
 * while a watcher pushes into it. A path handed out and not yet finished is never handed out a
 * second time at once: pushed again meanwhile, it is handed out again after {@link finish}, so a
 * file that changed while it was being summarized is summarized again, and never twice in parallel.
 */
export class PathFeed implements AsyncIterable<string> {
	readonly #queued = new Set<string>();
	readonly #active = new Set<string>();
	readonly #dirty = new Set<string>();
	readonly #waiting: Array<(result: IteratorResult<string>) => void> = [];
	#ended = false;

	/** Paths waiting to be handed out. */
	get queued(): number {
		return this.#queued.size;
	}

	/** Paths handed out and not yet finished. */
	get active(): number {
		return this.#active.size;
	}

	/** Queues `path` (once, however often it is pushed); does nothing after {@link end}. */
	push(path: string): void {
		if (this.#ended) return;
		if (this.#active.has(path)) {
			this.#dirty.add(path);
			return;
		}
		const waiter = this.#waiting.shift();
		if (waiter === undefined) {
			this.#queued.add(path);
			return;
		}
		this.#active.add(path);
		waiter({value: path, done: false});
	}

	/** Marks a handed-out path as finished (done, failed or skipped); it is queued again if it was pushed meanwhile. */
	finish(path: string): void {
		this.#active.delete(path);
		if (this.#dirty.delete(path)) this.push(path);
	}

	/** Ends the feed: queued paths are dropped and every pull, waiting or later, is told it is done. */
	end(): void {
		this.#ended = true;
		this.#queued.clear();
		this.#dirty.clear();
		for (const waiter of this.#waiting.splice(0)) waiter({value: undefined, done: true});
	}

	[Symbol.asyncIterator](): AsyncIterator<string> {
		return {next: async () => this.#next()};
	}

	#next(): Promise<IteratorResult<string>> {
		if (this.#ended) return Promise.resolve({value: undefined, done: true});
		const first = this.#queued.values().next();
		if (first.done !== true) {
			this.#queued.delete(first.value);
			this.#active.add(first.value);
			return Promise.resolve({value: first.value, done: false});
		}
		return new Promise(resolve => this.#waiting.push(resolve));
	}
}
