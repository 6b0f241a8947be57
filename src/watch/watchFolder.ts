import {stat} from 'node:fs/promises';
import {resolve, sep} from 'node:path';
import {watch} from 'chokidar';
import {PipelineError, toError} from '../errors.js';
import {createFileMatcher} from '../ingest/discoverFiles.js';
import {runBatch, type RunBatchOptions, type RunResult} from '../run/runBatch.js';
import {createFileSettler} from './createFileSettler.js';
import {PathFeed} from './PathFeed.js';

/** What a watcher reports besides the run's own events. */
export type WatchEvent =
	| {type: 'ready'; folders: string[]}
	| {type: 'watch-error'; message: string};

export interface WatchFolderOptions extends Omit<RunBatchOptions, 'inputs' | 'source' | 'signal'> {
	/** Folders (or single files) to follow, recursively. */
	folders: readonly string[];
	/** A new or changed file is read once its size and mtime stayed the same this long. */
	stableMs: number;
	/** Stops watching: calls in flight get `graceMs` to finish, then the run ends. */
	signal: AbortSignal;
	onWatchEvent?: (event: WatchEvent) => void;
}

/**
 * Summarizes what is in `folders` and not yet done (or changed since), then follows new and
 * changed files until `signal` aborts, all as one run. Files are picked up by the same rules as
 * `precis run` (discover.extensions and discover.ignore), waited out until written, and queued
 * however many arrive at once; unchanged files cost no model call (the run skips them by sha256).
 */
export async function watchFolder(options: WatchFolderOptions): Promise<RunResult> {
	const {folders, stableMs, signal, onWatchEvent, onEvent, ...run} = options;
	const roots: string[] = [];
	for (const folder of folders) {
		if (await stat(folder).catch(() => undefined) === undefined) {
			throw new PipelineError('E_USAGE', `no such folder to watch: ${folder}; check the path`, {retryable: false});
		}
		roots.push(resolve(folder));
	}
	const matcher = createFileMatcher(options.config.discover);
	/** The watched root a path lies under (the longest, when roots nest). */
	const rootOf = (path: string): string =>
		roots.filter(root => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)).sort((a, b) => b.length - a.length)[0] ?? path;
	const isWanted = (path: string): boolean => roots.includes(path) || matcher.isWanted(path, rootOf(path));

	const emit = onWatchEvent ?? (() => undefined);
	const feed = new PathFeed();
	const settler = createFileSettler({
		stableMs,
		onStable: path => feed.push(path),
	});
	const watcher = watch(roots, {
		ignoreInitial: false,
		persistent: true,
		ignored: (path: string) => matcher.isIgnored(resolve(path), rootOf(resolve(path))),
	});
	const onFile = (path: string): void => {
		const file = resolve(path);
		if (isWanted(file)) settler.touch(file);
	};
	watcher
		.on('add', onFile)
		.on('change', onFile)
		.on('unlink', path => settler.forget(resolve(path)))
		.on('error', error => emit({type: 'watch-error', message: toError(error).message}))
		.on('ready', () => emit({type: 'ready', folders: [...roots]}));

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
				if (event.type === 'document-done' || event.type === 'document-failed' || event.type === 'document-skipped') feed.finish(event.path);
				onEvent?.(event);
			},
		});
	} finally {
		signal.removeEventListener('abort', stop);
		feed.end();
		settler.close();
		await watcher.close();
	}
}
