/**
 * Hands out a fixed set of items (context sequences) one caller at a time; callers wait in order
 * when none is free. Reusing the same sequence keeps its evaluated tokens, so a prompt that shares
 * a prefix with the sequence's previous one is only evaluated from the first differing token.
 */
export class SequencePool<Item> {
	private readonly free: Item[];
	private readonly waiters: Array<(item: Item) => void> = [];

	constructor(items: readonly Item[]) {
		this.free = [...items];
	}

	/**
	 * Runs `task` with a free item (the one `rank` scores highest, for example the sequence that
	 * shares the longest prefix with the prompt), waiting for one if needed; the item is returned afterwards.
	 */
	async use<Result>(task: (item: Item) => Promise<Result>, rank: (item: Item) => number = () => 0): Promise<Result> {
		const item = this._takeBest(rank) ?? (await new Promise<Item>(resolve => this.waiters.push(resolve)));
		try {
			return await task(item);
		} finally {
			const next = this.waiters.shift();
			if (next === undefined) this.free.push(item);
			else next(item);
		}
	}

	private _takeBest(rank: (item: Item) => number): Item | undefined {
		let best = -1;
		let bestScore = -Infinity;
		for (const [index, item] of this.free.entries()) {
			const score = rank(item);
			if (score > bestScore) [best, bestScore] = [index, score];
		}
		return best < 0 ? undefined : this.free.splice(best, 1)[0];
	}
}
