import {lstat, stat} from 'node:fs/promises';
import {resolve, sep} from 'node:path';
import {watch} from 'chokidar';
import {PipelineError, toError} from '../errors.js';
import {createInputGuard} from '../ingest/createInputGuard.js';
import {createFileMatcher, discoverFiles} from '../ingest/discoverFiles.js';
import {runBatch, type RunBatchOptions, type RunResult} from '../run/runBatch.js';
import {createFileSettler} from './createFileSettler.js';
import {createRetryScheduler} from './createRetryScheduler.js';
import {PathFeed} from './PathFeed.js';

/** What a watcher reports besides the run's own events. */
export type WatchEvent =
	| {type: 'ready'; folders: string[]}
	| {type: 'rescan-found'; files: number}
	| {type: 'watch-error'; message: string};

export interface WatchFolderOptions extends Omit<RunBatchOptions, 'inputs' | 'source' | 'signal'> {
	/** Folders (or single files) to follow, recursively. */
	folders: readonly string[];
	/** A new or changed file is read once its size and mtime stayed the same this long. */
	stableMs: number;
	/** How often the folders are walked again for files whose events were missed. */
	rescanMs: number;
	/** Stops watching: calls in flight get `graceMs` to finish, then the run ends. */
	signal: AbortSignal;
	/** Backoff of a document that failed transiently (a server that was down), in ms. @default {baseMs: 5000, maxMs: 300000} */
	retry?: {baseMs: number; maxMs: number};
	onWatchEvent?: (event: WatchEvent) => void;
}

/**
 * Summarizes what is in `folders` and not yet done (or changed since), then follows new and
 * changed files until `signal` aborts, all as one run. Files are picked up by the same rules as
 * `precis run` (discover.extensions, discover.ignore and discover.followSymlinks: links and special
 * files are judged by the same guard and refused ones reported), waited out until written, and queued
 * however many arrive at once; unchanged files cost no model call (the run skips them by sha256).
 * A document that failed transiently (its error is retryable) is tried again with backoff, though
 * the file does not change.
 */
export async function watchFolder(options: WatchFolderOptions): Promise<RunResult> {
	const {folders, stableMs, rescanMs, signal, onWatchEvent, onEvent, retry: retryOptions, ...run} = options;
	const roots: string[] = [];
	for (const folder of folders) {
		if (await stat(folder).catch(() => undefined) === undefined) {
			throw new PipelineError('E_USAGE', `no such folder to watch: ${folder}; check the path`, {retryable: false});
		}
		roots.push(resolve(folder));
	}
	const matcher = createFileMatcher(run.config.discover);
	/** The watched root a path lies under (the longest, when roots nest). */
	const rootOf = (path: string): string =>
		roots.filter(root => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)).sort((a, b) => b.length - a.length)[0] ?? path;
	const isWanted = (path: string): boolean => roots.includes(path) || matcher.isWanted(path, rootOf(path));

	const emit = onWatchEvent ?? (() => undefined);
	const feed = new PathFeed();
	const settler = createFileSettler({
		stableMs,
		onStable: path => {
			feed.push(path);
			onEvent?.({type: 'document-queued', path});
		},
	});
	// A transient failure is tried again though the file does not change (the settler would not pass it on again).
	const retry = createRetryScheduler({baseMs: 5000, maxMs: 300_000, ...retryOptions, onRetry: path => feed.push(path)});
	const guard = await createInputGuard(roots, run.config.discover.followSymlinks);
	const watcher = watch(roots, {
		ignoreInitial: false,
		persistent: true,
		// Links are judged by the guard; chokidar reports them (and FIFOs, sockets, devices) as files.
		followSymlinks: run.config.discover.followSymlinks === 'always',
		ignored: (path: string) => matcher.isIgnored(resolve(path), rootOf(resolve(path))),
	});
	/** A regular file is waited out; a link the guard admits, as its target; anything refused goes to the run, which reports it. */
	const onEntry = async (file: string): Promise<void> => {
		const info = await lstat(file).catch(() => undefined);
		if (info === undefined || info.isFile()) {
			settler.touch(file);
			return;
		}
		const input = await guard.admit(file);
		if (input.kind === 'file') settler.touch(input.path);
		else if (input.kind === 'refused') feed.push(file);
	};
	const onFile = (path: string): void => {
		const file = resolve(path);
		if (!isWanted(file)) return;
		retry.forget(file);
		void onEntry(file);
	};
	const rescan = _createRescan(async () => {
		let files = 0;
		for (const path of (await discoverFiles(roots, run.config.discover).catch(() => undefined))?.files ?? []) {
			if (await settler.review(resolve(path))) files++;
		}
		if (files > 0) emit({type: 'rescan-found', files});
	}, stableMs, rescanMs);
	watcher
		.on('add', onFile)
		.on('change', onFile)
		.on('unlink', path => {
			settler.forget(resolve(path));
			retry.forget(resolve(path));
		})
		// chokidar reads a new folder before it watches it, so files written into it meanwhile have no event.
		.on('addDir', () => rescan.soon())
		.on('error', error => emit({type: 'watch-error', message: toError(error).message}))
		.on('ready', () => {
			rescan.start();
			emit({type: 'ready', folders: [...roots]});
		});

	const stop = (): void => feed.end();
	if (signal.aborted) stop();
	signal.addEventListener('abort', stop, {once: true});
	try {
		return await runBatch({
			...run,
			inputs: roots,
			source: feed,
			signal,
			onEvent: event => {
				if (event.type === 'document-done' || event.type === 'document-failed' || event.type === 'document-skipped') {
					feed.finish(event.path);
					if (event.type === 'document-failed' && event.retryable) retry.failed(event.path);
					else retry.forget(event.path);
				}
				onEvent?.(event);
			},
		});
	} finally {
		signal.removeEventListener('abort', stop);
		feed.end();
		rescan.stop();
		settler.close();
		retry.close();
		await watcher.close();
	}
}

/**
 * Runs `walk` every `everyMs`, and `delayMs` after the last of a burst of {@link soon} calls;
 * never two walks at once (one asked for meanwhile runs after).
 */
function _createRescan(walk: () => Promise<void>, delayMs: number, everyMs: number) {
	let running: Promise<void> | undefined;
	let again = false;
	let soonTimer: NodeJS.Timeout | undefined;
	let everyTimer: NodeJS.Timeout | undefined;
	let stopped = false;
	const run = (): void => {
		if (stopped) return;
		if (running !== undefined) {
			again = true;
			return;
		}
		running = walk().finally(() => {
			running = undefined;
			if (again) {
				again = false;
				run();
			}
		});
	};
	return {
		start: () => {
			everyTimer ??= setInterval(run, everyMs);
		},
		soon: () => {
			clearTimeout(soonTimer);
			soonTimer = setTimeout(run, delayMs);
		},
		stop: () => {
			stopped = true;
			clearTimeout(soonTimer);
			clearInterval(everyTimer);
		},
	};
}
