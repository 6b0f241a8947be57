import {createHash} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {createFileUnreadableError} from '../ingest/createFileUnreadableError.js';

/**
 * Hex SHA-256 of a file's bytes, streamed (a rerun hashes every input but extracts none that are
 * unchanged). A file that cannot be read (gone since it was found) is E_FILE_UNREADABLE.
 */
export async function hashFile(path: string): Promise<{sha256: string; bytes: number}> {
	const hash = createHash('sha256');
	let bytes = 0;
	try {
		for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
			hash.update(chunk);
			bytes += chunk.length;
		}
	} catch (error) {
		throw createFileUnreadableError(path, error as NodeJS.ErrnoException);
	}
	return {sha256: hash.digest('hex'), bytes};
}
