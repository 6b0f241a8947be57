import {createHash} from 'node:crypto';
import fs from 'node:fs/promises';

const _edgeBytes = 1024 * 1024;
const _samples = 16;
const _sampleBytes = 64 * 1024;

/**
 * A stable identity of a model file that does not read all of it (hashing a 2 GB file takes
 * seconds): sha256 over the file size, the first and last MiB (the GGUF header with all metadata,
 * and the last tensors) and 16 blocks of 64 KiB spread evenly in between. Two files differ in
 * fingerprint unless they agree on all of those bytes. Returns 32 hex digits.
 */
export async function getModelFingerprint(modelPath: string): Promise<string> {
	const handle = await fs.open(modelPath, 'r');
	try {
		const {size} = await handle.stat();
		const hash = createHash('sha256').update(`gguf-size:${size}\n`);
		const _hashRange = async (start: number, length: number): Promise<void> => {
			const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - start)));
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, start);
			hash.update(buffer.subarray(0, bytesRead));
		};
		await _hashRange(0, _edgeBytes);
		for (let index = 1; index <= _samples; index++) await _hashRange(Math.floor((size * index) / (_samples + 1)), _sampleBytes);
		await _hashRange(Math.max(0, size - _edgeBytes), _edgeBytes);
		return hash.digest('hex').slice(0, 32);
	} finally {
		await handle.close();
	}
}
