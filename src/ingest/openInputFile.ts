import {constants} from 'node:fs';
import {open, stat, type FileHandle} from 'node:fs/promises';
import {IngestError} from '../errors.js';
import {createFileUnreadableError} from './createFileUnreadableError.js';
import type {FileIdentity} from './createInputGuard.js';

/** Absent where the platform has no such flag (Windows): the identity comparison still holds there. */
const _noFollow = constants.O_NOFOLLOW ?? 0;
/** Opening a FIFO that slipped past the checks must not wait for a writer. */
const _noBlock = constants.O_NONBLOCK ?? 0;

/**
 * Opens an input for reading, holding the checks made when it was admitted at the moment of
 * reading: with `identity` (what {@link createInputGuard} saw), a link in its place is not
 * followed and a different file is refused (E_INPUT_CHANGED); without it (a file the user named),
 * links are followed. Either way only a regular file is read, and a special file is not even
 * opened when it can be told beforehand. Read from the handle, never by path again.
 */
export async function openInputFile(path: string, identity: FileIdentity | undefined): Promise<FileHandle> {
	if (identity === undefined) {
		const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
			throw createFileUnreadableError(path, error);
		});
		if (!info.isFile()) throw new IngestError('E_UNSUPPORTED_FORMAT', path, `${path} is not a regular file; only regular files are read`);
	}
	const handle = await open(path, constants.O_RDONLY | _noBlock | (identity === undefined ? 0 : _noFollow)).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ELOOP') throw _changed(path);
		throw createFileUnreadableError(path, error);
	});
	try {
		const opened = await handle.stat({bigint: true});
		if (!opened.isFile()) throw new IngestError('E_UNSUPPORTED_FORMAT', path, `${path} is not a regular file; only regular files are read`);
		if (identity !== undefined && (opened.dev !== identity.dev || opened.ino !== identity.ino)) throw _changed(path);
		return handle;
	} catch (error) {
		await handle.close();
		throw error;
	}
}

function _changed(path: string): IngestError {
	return new IngestError('E_INPUT_CHANGED', path, `${path} was replaced (by a link or another file) after precis checked it; not read, it is checked again on the next run`, {retryable: true});
}
