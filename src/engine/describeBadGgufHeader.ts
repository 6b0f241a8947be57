import {open} from 'node:fs/promises';

/** GGUF versions llama.cpp reads (it dropped version 1). */
const _readableVersions = new Set([2, 3]);
/** Magic, version, tensor count, metadata count. */
const _headerBytes = 24;
/** The fewest bytes one metadata entry takes: key length, value type, a one-byte value (the key may be empty). */
const _minEntryBytes = 8n + 4n + 1n;
/** The fewest bytes one tensor description takes: name length, dimension count, one dimension, type, offset. */
const _minTensorBytes = 8n + 4n + 8n + 4n + 8n;

/**
 * Why the file at `path` cannot be a GGUF model that llama.cpp reads, judged from its first 24 bytes
 * and its size; undefined when they are sound. node-llama-cpp reads a header of an unknown version
 * as version 3 regardless, and on a garbled one (counts in the billions) it was busy for 11 minutes
 * before the process crashed, so precis looks first.
 */
export async function describeBadGgufHeader(path: string): Promise<string | undefined> {
	const file = await open(path, 'r');
	try {
		const {size} = await file.stat();
		const header = Buffer.alloc(_headerBytes);
		const {bytesRead} = await file.read(header, 0, _headerBytes, 0);
		if (header.toString('latin1', 0, 4) !== 'GGUF') return 'it does not start with "GGUF": not a GGUF file';
		if (bytesRead < _headerBytes) return `it is ${size} bytes long, shorter than a GGUF header`;
		const version = header.readUInt32LE(4);
		if (!_readableVersions.has(version)) return `its header says GGUF version ${version}; llama.cpp reads versions 2 and 3`;
		const tensors = header.readBigUInt64LE(8);
		const entries = header.readBigUInt64LE(16);
		if (BigInt(_headerBytes) + entries * _minEntryBytes + tensors * _minTensorBytes > BigInt(size)) {
			return `its header declares ${tensors} tensors and ${entries} metadata entries, more than its ${size} bytes can hold`;
		}
		return undefined;
	} finally {
		await file.close();
	}
}
