import type {Stats} from 'node:fs';
import {stat} from 'node:fs/promises';

export interface FileSettlerOptions {
	/** How long a file's size, mtime and ctime must stay the same before it counts as written. */
	stableMs: number;
	/** Called when a file settles, unless it settled before with the same size, mtime and ctime. */
	onStable: (path: string) => void;
}

export interface FileSettler {
	/** A file was added or changed: (re)start waiting for it to settle. */
	touch: (path: string) => void;
	/**
	 * A file was seen by a rescan rather than an event: touch it unless it is waiting already or
	 * settled before unchanged. Resolves to whether it was touched.
	 */
	review: (path: string) => Promise<boolean>;
	/** A file was removed: stop waiting for it and forget how it settled. */
	forget: (path: string) => void;
	/** Files waiting to settle. */
	readonly waiting: number;
	/** Stops every wait; safe to call twice. */
	close: () => void;
}

interface _Wait {
	timer: NodeJS.Timeout | undefined;
	/** The signature seen when the wait began or last restarted; undefined until the first stat returns. */
	seen: string | undefined;
	/** Bumped by every touch, so a stat that returns after a newer touch is ignored. */
	generation: number;
}

/**
 * Waits out files still being written: a file settles once a stat after `stableMs` shows the same
 * size, mtime and ctime as the stat before it (ctime also moves on a touch or a chmod). Every touch
 * restarts the wait, and a file written without events (a slow copy, a network share) is caught by
 * the comparison, so it is read once, complete.
 */
export function createFileSettler(options: FileSettlerOptions): FileSettler {
	if (!Number.isInteger(options.stableMs) || options.stableMs < 0) {
		throw new TypeError(`Expected \`stableMs\` to be a non-negative integer, got ${options.stableMs}`);
	}
	const waits = new Map<string, _Wait>();
	/** The signature of each file when it last settled. */
	const settled = new Map<string, string>();
	let closed = false;

	const check = async (path: string, wait: _Wait, generation: number): Promise<void> => {
		const info = await stat(path).catch(() => undefined);
		if (closed || waits.get(path) !== wait || wait.generation !== generation) return;
		if (info === undefined || !info.isFile()) {
			waits.delete(path);
			return;
		}
		const seen = _signatureOf(info);
		if (wait.seen === seen) {
			waits.delete(path);
			// The same file seen twice (an event and a rescan, or a chokidar event that changed nothing) settles once.
			if (settled.get(path) === seen) return;
			settled.set(path, seen);
			options.onStable(path);
			return;
		}
		wait.seen = seen;
		wait.timer = setTimeout(() => void check(path, wait, generation), options.stableMs);
	};

	const touch = (path: string): void => {
		if (closed) return;
		const wait = waits.get(path) ?? {timer: undefined, seen: undefined, generation: 0};
		clearTimeout(wait.timer);
		wait.timer = undefined;
		wait.seen = undefined;
		wait.generation++;
		waits.set(path, wait);
		void check(path, wait, wait.generation);
	};

	return {
		touch,
		async review(path) {
			if (closed || waits.has(path)) return false;
			const info = await stat(path).catch(() => undefined);
			if (info === undefined || settled.get(path) === _signatureOf(info) || waits.has(path)) return false;
			touch(path);
			return true;
		},
		forget(path) {
			clearTimeout(waits.get(path)?.timer);
			waits.delete(path);
			settled.delete(path);
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

function _signatureOf(info: Stats): string {
	return `${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}
