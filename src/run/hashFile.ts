import {createHash} from 'node:crypto';
import {createReadStream} from 'node:fs';

/** Hex SHA-256 of a file's bytes, streamed (a rerun hashes every input but extracts none that are unchanged). */
export async function hashFile(path: string): Promise<{sha256: string; bytes: number}> {
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		bytes += chunk.length;
	}
	return {sha256: hash.digest('hex'), bytes};
}
