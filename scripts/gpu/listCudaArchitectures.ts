/**
 * Lists what the CUDA fat binaries embedded in a shared library carry, without the CUDA toolkit's
 * cuobjdump: for each architecture, SASS (code the GPU runs as is) or PTX (compiled by the driver
 * when loaded, which a driver older than the toolkit that wrote it refuses). Also prints the CUDA
 * runtime it links and the CUB namespace (CUB_<version>_SM_<arch list>), which dates the toolkit.
 *
 *   npx tsx scripts/gpu/listCudaArchitectures.ts node_modules/@node-llama-cpp/linux-x64-cuda/bins/linux-x64-cuda/libggml-cuda.so
 *
 * Fat binary layout (as read by open-source tools such as cuda-fatbin-decompress): a header
 * {magic 0xBA55ED50, u16 version, u16 headerSize, u64 size} then entries {u16 kind (1 PTX, 2 ELF),
 * u16 unknown, u32 headerSize, u64 size, u32 compressedSize, u32 unknown, u16 minor, u16 major,
 * u32 arch, ...}.
 */
import {readFileSync} from 'node:fs';

const _magic = 0xba55ed50;

interface _Entry {
	kind: 'PTX' | 'SASS';
	arch: number;
	/** The PTX ISA / ELF version the entry declares (major.minor). */
	version: string;
}

function _readEntries(bytes: Buffer): _Entry[] {
	const entries: _Entry[] = [];
	for (let at = bytes.indexOf(Buffer.from([0x50, 0xed, 0x55, 0xba])); at !== -1; at = bytes.indexOf(Buffer.from([0x50, 0xed, 0x55, 0xba]), at + 4)) {
		if (bytes.readUInt32LE(at) !== _magic) continue;
		const headerSize = bytes.readUInt16LE(at + 6);
		const size = Number(bytes.readBigUInt64LE(at + 8));
		const end = at + headerSize + size;
		for (let entry = at + headerSize; entry + 32 <= end && entry + 32 <= bytes.length;) {
			const kind = bytes.readUInt16LE(entry);
			const entryHeader = bytes.readUInt32LE(entry + 4);
			const padded = Number(bytes.readBigUInt64LE(entry + 8));
			const minor = bytes.readUInt16LE(entry + 24);
			const major = bytes.readUInt16LE(entry + 26);
			const arch = bytes.readUInt32LE(entry + 28);
			if ((kind === 1 || kind === 2) && entryHeader > 0) entries.push({kind: kind === 1 ? 'PTX' : 'SASS', arch, version: `${major}.${minor}`});
			if (entryHeader === 0) break;
			entry += entryHeader + padded;
		}
	}
	return entries;
}

const file = process.argv[2];
if (file === undefined) {
	process.stderr.write('usage: npx tsx scripts/gpu/listCudaArchitectures.ts <library.so>\n');
	process.exit(2);
}
const bytes = readFileSync(file);
const text = bytes.toString('latin1');
const runtimes = [...new Set(text.match(/lib(?:cudart|cublas)\.so\.\d+/g) ?? [])].sort();
/** CUB_<major><minor><patch>_SM_<architectures>: mangled names run on after it, so each version is shown as its names' common prefix. */
const cubByVersion = new Map<string, string>();
for (const name of text.match(/CUB_\d{6}_(?:SM_[\d_]+)?/g) ?? []) {
	const seen = cubByVersion.get(name.slice(0, 10));
	cubByVersion.set(name.slice(0, 10), seen === undefined ? name : _commonPrefix(seen, name));
}
const cub = [...cubByVersion.values()].sort();
const byKind = new Map<string, Set<string>>();
for (const entry of _readEntries(bytes)) {
	const key = `${entry.kind} (version ${entry.version})`;
	byKind.set(key, (byKind.get(key) ?? new Set()).add(`sm_${entry.arch}`));
}
process.stdout.write(`${file}\n  links: ${runtimes.join(', ') || 'no CUDA runtime'}\n  CUB namespaces: ${cub.join(', ') || 'none'}\n`);
for (const [kind, archs] of [...byKind].sort()) process.stdout.write(`  ${kind}: ${[...archs].sort((a, b) => Number(a.slice(3)) - Number(b.slice(3))).join(' ')}\n`);

function _commonPrefix(left: string, right: string): string {
	let length = 0;
	while (length < left.length && left[length] === right[length]) length++;
	return left.slice(0, length);
}
