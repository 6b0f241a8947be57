import {readdir, stat} from 'node:fs/promises';
import {extname, join, relative, resolve, sep} from 'node:path';
import {PipelineError} from '../errors.js';
import {globToRegExp} from './globToRegExp.js';

export interface DiscoverOptions {
	/** File endings picked up in folders (lower case, with the dot). Files without an ending are always picked up and sniffed. */
	extensions: readonly string[];
	/** Globs, relative to the folder walked, of files never read. */
	ignore: readonly string[];
}

/**
 * Expands files, folders and globs into a sorted list of file paths, written as the user wrote
 * them (a folder's files joined to the folder as given) and without duplicates (compared as
 * absolute paths). A file named explicitly is always included; folders are walked recursively.
 */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<string[]> {
	const found = new Map<string, string>();
	const add = (path: string): void => {
		const absolute = resolve(path);
		if (!found.has(absolute)) found.set(absolute, path);
	};
	const {isWanted} = createFileMatcher(options);
	for (const input of inputs) {
		if (/[*?[]/.test(input)) {
			const {root, pattern} = _splitGlob(input);
			for (const path of await _walk(root)) {
				if (pattern.test(relative(resolve(root), resolve(path)).split(sep).join('/')) && isWanted(path, root)) add(path);
			}
			continue;
		}
		const info = await stat(input).catch(() => undefined);
		if (info === undefined) {
			throw new PipelineError('E_USAGE', `no such file or folder: ${input}; check the path`, {retryable: false});
		}
		if (info.isDirectory()) {
			for (const file of await _walk(input)) if (isWanted(file, input)) add(file);
		} else {
			add(input);
		}
	}
	return [...found.values()].sort();
}

export interface FileMatcher {
	/** Whether `path`, under the folder `root` being walked or watched, matches an ignore glob (files and folders alike). */
	isIgnored: (path: string, root: string) => boolean;
	/** Whether the file `path` found under `root` is picked up: not ignored, and with a wanted ending or none. */
	isWanted: (path: string, root: string) => boolean;
}

/** The rules by which a folder's files are picked up, shared by discovery and the folder watcher. */
export function createFileMatcher(options: DiscoverOptions): FileMatcher {
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

/** Splits a glob into the folder before its first wildcard and a matcher for the rest of it. */
function _splitGlob(input: string): {root: string; pattern: RegExp} {
	const parts = input.split('/');
	const firstWild = parts.findIndex(part => /[*?[]/.test(part));
	const root = parts.slice(0, firstWild).join('/') || '.';
	return {root, pattern: globToRegExp(parts.slice(firstWild).join('/'))};
}

async function _walk(folder: string): Promise<string[]> {
	const entries = await readdir(folder, {withFileTypes: true}).catch(() => []);
	const files: string[] = [];
	for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) files.push(...(await _walk(path)));
		else if (entry.isFile()) files.push(path);
	}
	return files;
}
