import {stat} from 'node:fs/promises';

export interface FileSettlerOptions {
	/** How long a file's size and mtime must stay the same before it counts as written. */
	stableMs: number;
	/** Called once per settled file (again after a later {@link FileSettler.touch}). */
	onStable: (path: string) => void;
}

export interface FileSettler {
	/** A file was added or changed: (re)start waiting for it to settle. */
	touch: (path: string) => void;
	/** A file was removed: stop waiting for it. */
	forget: (path: string) => void;
	/** Files waiting to settle. */
	readonly waiting: number;
	/** Stops every wait; safe to call twice. */
	close: () => void;
}

interface _Wait {
	timer: NodeJS.Timeout | undefined;
	/** `size:mtimeMs` seen when the wait began or last restarted; undefined until the first stat returns. */
	seen: string | undefined;
	/** Bumped by every touch, so a stat that returns after a newer touch is ignored. */
	generation: number;
}

/**
 * Waits out files still being written: a file settles once a stat after `stableMs` shows the same
 * size and mtime as the stat before it. Every touch restarts the wait, and a file written without
 * events (a slow copy, a network share) is caught by the comparison, so it is read once, complete.
 */
export function createFileSettler(options: FileSettlerOptions): FileSettler {
	if (!Number.isInteger(options.stableMs) || options.stableMs < 0) {
		throw new TypeError(`Expected \`stableMs\` to be a non-negative integer, got ${options.stableMs}`);
	}
	const waits = new Map<string, _Wait>();
	let closed = false;

	const check = async (path: string, wait: _Wait, generation: number): Promise<void> => {
		const info = await stat(path).catch(() => undefined);
		if (closed || waits.get(path) !== wait || wait.generation !== generation) return;
		if (info === undefined || !info.isFile()) {
			waits.delete(path);
			return;
		}
		const seen = `${info.size}:${info.mtimeMs}`;
		if (wait.seen === seen) {
			waits.delete(path);
			options.onStable(path);
			return;
		}
		wait.seen = seen;
		wait.timer = setTimeout(() => void check(path, wait, generation), options.stableMs);
	};

	return {
		touch(path) {
			if (closed) return;
			const wait = waits.get(path) ?? {timer: undefined, seen: undefined, generation: 0};
			clearTimeout(wait.timer);
			wait.timer = undefined;
			wait.seen = undefined;
			wait.generation++;
			waits.set(path, wait);
			void check(path, wait, wait.generation);
		},
		forget(path) {
			clearTimeout(waits.get(path)?.timer);
			waits.delete(path);
		},
		get waiting() {
			return waits.size;
		},
		close() {
			closed = true;
			for (const wait of waits.values()) clearTimeout(wait.timer);
			waits.clear();
		},
	};
}
