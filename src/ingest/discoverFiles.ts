import {readdir, realpath, stat} from 'node:fs/promises';
import {extname, join, relative, resolve, sep} from 'node:path';
import {PipelineError} from '../errors.js';
import {createInputGuard, type FollowSymlinks, type InputGuard, type RefusalReason} from './createInputGuard.js';
import {globToRegExp} from './globToRegExp.js';
import {isGlob, splitGlob} from './splitGlob.js';

export interface DiscoverOptions {
	/** File endings picked up in folders (lower case, with the dot). Files without an ending are always picked up and sniffed. */
	extensions: readonly string[];
	/** Globs, relative to the folder walked, of files never read. */
	ignore: readonly string[];
	/** Which symbolic links met in folders are followed. @default 'inside' */
	followSymlinks: FollowSymlinks;
}

/** A path met in a folder and not read: a link not followed, or a FIFO, socket or device. */
export interface RefusedInput {
	path: string;
	reason: RefusalReason;
	message: string;
}

export interface Discovery {
	/** Files to read, sorted. */
	files: string[];
	/** Paths refused, each once. */
	refused: RefusedInput[];
}

/**
 * Expands files, folders and globs into a sorted list of file paths, written as the user wrote
 * them (a folder's files joined to the folder as given; a file reached through a link by its real
 * path) and without duplicates (compared as real paths). A file named explicitly is always
 * included; folders are walked recursively, each real folder once, so link loops end. Links and
 * special files are admitted or refused by {@link createInputGuard}'s rule.
 */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<Discovery> {
	const found = new Map<string, string>();
	const refused = new Map<string, RefusedInput>();
	const guard = await createInputGuard(inputs, options.followSymlinks);
	const matcher = createFileMatcher(options);
	const visited = new Set<string>();
	for (const input of inputs) {
		if (isGlob(input)) {
			const {root, pattern} = splitGlob(input);
			const rootReal = await realpath(root).catch(() => undefined);
			if (rootReal === undefined) continue;
			const isWanted = (path: string): boolean => pattern.test(relative(resolve(root), resolve(path)).split(sep).join('/')) && matcher.isWanted(path, root);
			// A glob walks its folder afresh: what an earlier input walked may not have matched it.
			await _walk(root, rootReal, false, {root, guard, matcher, isWanted, visited: new Set(), found, refused});
			continue;
		}
		const info = await stat(input).catch(() => undefined);
		if (info === undefined) {
			throw new PipelineError('E_USAGE', `no such file or folder: ${input}; check the path`, {retryable: false});
		}
		const real = await realpath(input);
		if (info.isDirectory()) {
			await _walk(input, real, false, {root: input, guard, matcher, isWanted: path => matcher.isWanted(path, input), visited, found, refused});
		} else {
			found.set(real, input);
		}
	}
	return {files: [...found.values()].sort(), refused: [...refused.values()]};
}

export interface FileMatcher {
	/** Whether `path`, under the folder `root` being walked or watched, matches an ignore glob (files and folders alike). */
	isIgnored: (path: string, root: string) => boolean;
	/** Whether the file `path` found under `root` is picked up: not ignored, and with a wanted ending or none. */
	isWanted: (path: string, root: string) => boolean;
}

/** The rules by which a folder's files are picked up, shared by discovery and the folder watcher. */
export function createFileMatcher(options: Pick<DiscoverOptions, 'extensions' | 'ignore'>): FileMatcher {
	const ignore = options.ignore.map(pattern => globToRegExp(pattern));
	const isIgnored = (path: string, root: string): boolean => {
		const rel = relative(resolve(root), resolve(path)).split(sep).join('/');
		return ignore.some(pattern => pattern.test(rel));
	};
	const isWanted = (path: string, root: string): boolean => {
		if (isIgnored(path, root)) return false;
		const ending = extname(path).toLowerCase();
		return ending === '' || options.extensions.includes(ending);
	};
	return {isIgnored, isWanted};
}

interface _WalkContext {
	root: string;
	guard: InputGuard;
	matcher: FileMatcher;
	/** Whether a file at this path (as walked) is picked up. */
	isWanted: (path: string) => boolean;
	/** Real folders walked already. */
	visited: Set<string>;
	/** Real path -> path handed on. */
	found: Map<string, string>;
	refused: Map<string, RefusedInput>;
}

/**
 * Walks `folder` (as the user wrote it; its real path `real`). Files under a followed link are
 * handed on by their real path, so that the folder watcher, which does not follow links, names
 * them alike.
 */
async function _walk(folder: string, real: string, throughLink: boolean, context: _WalkContext): Promise<void> {
	if (context.visited.has(real)) return;
	context.visited.add(real);
	const entries = await readdir(folder, {withFileTypes: true}).catch(() => []);
	for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
		const path = join(folder, entry.name);
		const entryReal = join(real, entry.name);
		if (entry.isDirectory()) {
			await _walk(path, entryReal, throughLink, context);
		} else if (entry.isFile()) {
			if (context.isWanted(path) && !context.found.has(entryReal)) context.found.set(entryReal, throughLink ? entryReal : path);
		} else if (!context.matcher.isIgnored(path, context.root)) {
			await _walkOther(path, context);
		}
	}
}

/** A link, FIFO, socket or device met in a folder: followed when the guard admits it, else reported once. */
async function _walkOther(path: string, context: _WalkContext): Promise<void> {
	const admission = await context.guard.admit(path);
	if (admission.kind === 'folder') {
		await _walk(path, admission.path, true, context);
	} else if (admission.kind === 'file') {
		if (context.isWanted(path) && !context.found.has(admission.path)) context.found.set(admission.path, admission.path);
	} else if (context.isWanted(path) || (await stat(path).then(info => info.isDirectory(), () => false))) {
		context.refused.set(resolve(path), {path, reason: admission.reason, message: admission.message});
	}
}
