import {createHash} from 'node:crypto';
import type {FileIdentity} from '../ingest/createInputGuard.js';
import {createFileUnreadableError} from '../ingest/createFileUnreadableError.js';
import {openInputFile} from '../ingest/openInputFile.js';

/**
 * Hex SHA-256 of a file's bytes, streamed (a rerun hashes every input but extracts none that are
 * unchanged). With `identity`, only if the file is still the one admitted (see openInputFile). A
 * file that cannot be read (gone since it was found) is E_FILE_UNREADABLE.
 */
export async function hashFile(path: string, identity?: FileIdentity): Promise<{sha256: string; bytes: number}> {
	const hash = createHash('sha256');
	let bytes = 0;
	const handle = await openInputFile(path, identity);
	try {
		for await (const chunk of handle.createReadStream({autoClose: false}) as AsyncIterable<Buffer>) {
			hash.update(chunk);
			bytes += chunk.length;
		}
	} catch (error) {
		throw createFileUnreadableError(path, error as NodeJS.ErrnoException);
	} finally {
		await handle.close();
	}
	return {sha256: hash.digest('hex'), bytes};
}
