import type {BigIntStats} from 'node:fs';
import {lstat, realpath, stat} from 'node:fs/promises';
import {dirname, resolve, sep} from 'node:path';
import {isGlob, splitGlob} from './splitGlob.js';

/** Which symbolic links met in folders are followed; see `discover.followSymlinks`. */
export type FollowSymlinks = 'inside' | 'never' | 'always';

/** Why a path met in a folder is not read. */
export type RefusalReason = 'outside-inputs' | 'symlink-not-followed' | 'broken-link' | 'special-file';

/** What identifies a file on its device: compared when it is opened, to refuse a file swapped meanwhile. */
export interface FileIdentity {
	dev: bigint;
	ino: bigint;
}

/** The verdict on one path: a file to read (at `path`, its real path when reached through a link), a folder, or refused. */
export type Admission =
	| {kind: 'file'; path: string; identity: FileIdentity | undefined}
	| {kind: 'folder'; path: string}
	| {kind: 'refused'; reason: RefusalReason; message: string};

export interface InputGuard {
	/**
	 * Decides whether the file at `path` may be read, from what it is now (not following a link
	 * unless the policy allows it). A path that does not exist is admitted without identity: its
	 * reader reports it as before.
	 */
	admit: (path: string) => Promise<Admission>;
}

/**
 * The rule that keeps reading inside the inputs the user named: the real folders of `inputs`
 * (folders, and the folders globs start from) are the roots; a link met in them is followed per
 * `followSymlinks`; FIFOs, sockets and devices are never opened. A file named in `inputs` is read as
 * asked, through links.
 */
export async function createInputGuard(inputs: readonly string[], followSymlinks: FollowSymlinks): Promise<InputGuard> {
	const roots: string[] = [];
	const named = new Set<string>();
	for (const input of inputs) {
		const glob = isGlob(input);
		const folder = glob ? splitGlob(input).root : input;
		const info = await stat(folder).catch(() => undefined);
		if (info === undefined) continue;
		if (info.isDirectory()) roots.push(await realpath(folder));
		else if (!glob) named.add(resolve(input)).add(await realpath(input));
	}
	const isAllowed = (real: string): boolean =>
		followSymlinks === 'always' || named.has(real) || roots.some(root => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep));

	const admitTarget = async (path: string, real: string): Promise<Admission> => {
		const target = await stat(real, {bigint: true}).catch(() => undefined);
		if (target === undefined) return {kind: 'refused', reason: 'broken-link', message: `${path} is a symbolic link to nothing readable; not read`};
		if (target.isDirectory()) return {kind: 'folder', path: real};
		if (!target.isFile()) return _refuseSpecial(path, target);
		return {kind: 'file', path: real, identity: _identityOf(target)};
	};

	return {
		async admit(path) {
			const absolute = resolve(path);
			const info = await lstat(absolute, {bigint: true}).catch(() => undefined);
			if (info === undefined) return {kind: 'file', path: absolute, identity: undefined};
			if (named.has(absolute)) return admitTarget(absolute, await realpath(absolute).catch(() => absolute));
			if (info.isSymbolicLink()) {
				if (followSymlinks === 'never') {
					return {kind: 'refused', reason: 'symlink-not-followed', message: `${path} is a symbolic link, not followed (discover.followSymlinks: never)`};
				}
				const real = await realpath(absolute).catch(() => undefined);
				if (real === undefined) return {kind: 'refused', reason: 'broken-link', message: `${path} is a symbolic link that leads nowhere (missing target or a loop); not read`};
				if (!isAllowed(real)) return _refuseOutside(path);
				return admitTarget(path, real);
			}
			if (info.isDirectory()) return {kind: 'folder', path: absolute};
			if (!info.isFile()) return _refuseSpecial(path, info);
			// A folder on the way may have been swapped for a link since the folder was walked.
			const real = await realpath(dirname(absolute)).catch(() => dirname(absolute));
			if (!isAllowed(real)) return _refuseOutside(path);
			return {kind: 'file', path: absolute, identity: _identityOf(info)};
		},
	};
}

function _identityOf(info: BigIntStats): FileIdentity {
	return {dev: info.dev, ino: info.ino};
}

/** The message names the link, never its target: a refused target's path stays out of the database. */
function _refuseOutside(path: string): Admission {
	return {kind: 'refused', reason: 'outside-inputs', message: `${path} leads outside the folders given; not read (name the file on the command line, or set discover.followSymlinks: always, to read it)`};
}

function _refuseSpecial(path: string, info: BigIntStats): Admission {
	const kind = info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : info.isBlockDevice() || info.isCharacterDevice() ? 'a device' : 'not a regular file';
	return {kind: 'refused', reason: 'special-file', message: `${path} is ${kind}; only regular files are read`};
}
