import {Inflate, inflateSync} from 'fflate';
import {IngestError} from '../../../errors.js';

/** What {@link readZipEntries} needs besides the archive's bytes. */
export interface ZipReadOptions {
	/** The archive's path, for error messages. */
	path: string;
	/** Most bytes the selected entries may inflate to, counted while inflating (declared sizes can lie). */
	maxUnzippedBytes: number;
	/** Most entries the archive may list. */
	maxEntries: number;
	/** Which entries to inflate and return; the others are never inflated. */
	select: (name: string) => boolean;
}

interface _Entry {
	name: string;
	method: number;
	data: Uint8Array;
}

const _eocdSignature = 0x06054b50;
const _centralSignature = 0x02014b50;
const _localSignature = 0x04034b50;
/** Compressed bytes pushed per step: deflate expands at most ~1032x, so one step yields at most ~8 MB. */
const _inflateStep = 8192;

/**
 * Reads the selected entries of a ZIP archive into memory, bounding the work first: the central
 * directory must be intact, the entry count is capped, and the selected entries are inflated once
 * with a streaming inflater that only counts bytes (nothing kept), so a decompression bomb is
 * refused with E_TOO_LARGE after at most `maxUnzippedBytes` of output and little memory. Only then
 * are the entries inflated for real, into buffers of the exact size just measured.
 */
export function readZipEntries(bytes: Uint8Array, options: ZipReadOptions): Map<string, Uint8Array> {
	const entries = _readCentralDirectory(bytes, options);
	let total = 0;
	const sizes = entries.map(entry => {
		const size = _measureEntry(entry, options.maxUnzippedBytes - total, options.path);
		if (size === undefined) {
			throw new IngestError('E_TOO_LARGE', options.path, `${options.path} unpacks to over ${options.maxUnzippedBytes} bytes (at ${entry.name}); raise extract.maxUnzippedBytes if the file is genuine`);
		}
		total += size;
		return size;
	});
	const result = new Map<string, Uint8Array>();
	entries.forEach((entry, index) => {
		const size = sizes[index] ?? 0;
		result.set(entry.name, entry.method === 0 ? entry.data : _inflateExactly(entry, size, options.path));
	});
	return result;
}

function _readCentralDirectory(bytes: Uint8Array, options: ZipReadOptions): _Entry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const eocd = _findEndOfCentralDirectory(view);
	if (eocd < 0) throw _damaged(options.path, 'its ZIP directory is missing (truncated or not a ZIP file)');
	const count = view.getUint16(eocd + 10, true);
	const offset = view.getUint32(eocd + 16, true);
	if (count === 0xffff || offset === 0xffffffff) throw _damaged(options.path, 'ZIP64 archives are not supported');
	if (count > options.maxEntries) {
		throw new IngestError('E_TOO_LARGE', options.path, `${options.path} lists ${count} ZIP entries, more than the ${options.maxEntries} a DOCX may hold; re-save it in Word`);
	}
	const decoder = new TextDecoder();
	const entries: _Entry[] = [];
	let position = offset;
	for (let index = 0; index < count; index++) {
		if (position + 46 > bytes.length || view.getUint32(position, true) !== _centralSignature) {
			throw _damaged(options.path, 'its ZIP directory is corrupt');
		}
		const flags = view.getUint16(position + 8, true);
		const method = view.getUint16(position + 10, true);
		const compressedSize = view.getUint32(position + 20, true);
		const nameLength = view.getUint16(position + 28, true);
		const skipLength = view.getUint16(position + 30, true) + view.getUint16(position + 32, true);
		const localOffset = view.getUint32(position + 42, true);
		const name = decoder.decode(bytes.subarray(position + 46, position + 46 + nameLength));
		position += 46 + nameLength + skipLength;
		if (!options.select(name)) continue;
		if ((flags & 1) !== 0) {
			throw new IngestError('E_ENCRYPTED', options.path, `${options.path} has encrypted ZIP entries; remove the password and save it again`);
		}
		if (method !== 0 && method !== 8) throw _damaged(options.path, `entry ${name} uses unsupported compression method ${method}`);
		entries.push({name, method, data: _readLocalData(view, localOffset, compressedSize, name, options.path)});
	}
	return entries;
}

function _findEndOfCentralDirectory(view: DataView): number {
	const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
	for (let position = view.byteLength - 22; position >= lowest; position--) {
		if (view.getUint32(position, true) === _eocdSignature) return position;
	}
	return -1;
}

function _readLocalData(view: DataView, offset: number, size: number, name: string, path: string): Uint8Array {
	if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== _localSignature) {
		throw _damaged(path, `entry ${name} has no local header`);
	}
	const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
	if (start + size > view.byteLength) throw _damaged(path, `entry ${name} is truncated`);
	return new Uint8Array(view.buffer, view.byteOffset + start, size);
}

/** Inflates an entry only to count its actual size; undefined once it passes `budget`. */
function _measureEntry(entry: _Entry, budget: number, path: string): number | undefined {
	if (entry.method === 0) return entry.data.length > budget ? undefined : entry.data.length;
	let size = 0;
	let over = false;
	const inflater = new Inflate(chunk => {
		size += chunk.length;
		if (size > budget) over = true;
	});
	try {
		for (let start = 0; start < entry.data.length && !over; start += _inflateStep) {
			const end = Math.min(start + _inflateStep, entry.data.length);
			inflater.push(entry.data.subarray(start, end), end === entry.data.length);
		}
		if (entry.data.length === 0) inflater.push(entry.data, true);
	} catch (error) {
		if (!over) throw _damaged(path, `entry ${entry.name} does not inflate (${(error as Error).message})`, error);
	}
	return over ? undefined : size;
}

function _inflateExactly(entry: _Entry, size: number, path: string): Uint8Array {
	try {
		return inflateSync(entry.data, {out: new Uint8Array(size)});
	} catch (error) {
		throw _damaged(path, `entry ${entry.name} does not inflate`, error);
	}
}

function _damaged(path: string, detail: string, cause?: unknown): IngestError {
	return new IngestError('E_PARSE_FAILED', path, `${path} is a damaged DOCX: ${detail}; re-save or re-download it`, {cause});
}
