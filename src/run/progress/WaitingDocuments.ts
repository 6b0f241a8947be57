import {extname} from 'node:path';

/** Documents of one file extension waiting to start: how many, their bytes, and how many of unknown size. */
export interface WaitingGroup {
	extension: string;
	documents: number;
	bytes: number;
	unsized: number;
}

/**
 * The documents a run has not started yet, with their sizes summed by extension as they come and
 * go, so that estimating their work costs one step per extension, not one per document.
 */
export class WaitingDocuments {
	readonly #sizes = new Map<string, number | null>();
	readonly #groups = new Map<string, WaitingGroup>();

	get size(): number {
		return this.#sizes.size;
	}

	/** Adds a document; one already waiting keeps the size it has unless `bytes` is known. */
	add(path: string, bytes: number | null): void {
		const known = this.#sizes.get(path);
		if (known !== undefined && (known !== null || bytes === null)) return;
		this.delete(path);
		this.#sizes.set(path, bytes);
		this.#change(path, bytes, 1);
	}

	delete(path: string): void {
		const bytes = this.#sizes.get(path);
		if (bytes === undefined) return;
		this.#sizes.delete(path);
		this.#change(path, bytes, -1);
	}

	groups(): Iterable<WaitingGroup> {
		return this.#groups.values();
	}

	#change(path: string, bytes: number | null, sign: 1 | -1): void {
		const extension = extname(path).toLowerCase();
		const group = this.#groups.get(extension) ?? {extension, documents: 0, bytes: 0, unsized: 0};
		group.documents += sign;
		group.bytes += sign * (bytes ?? 0);
		group.unsized += sign * (bytes === null ? 1 : 0);
		if (group.documents === 0) this.#groups.delete(extension);
		else this.#groups.set(extension, group);
	}
}
