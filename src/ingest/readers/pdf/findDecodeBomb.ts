/**
 * A decompression bomb pdf.js cannot be stopped in: a stream filtered with JBIG2Decode that is not an
 * image XObject (so pdf.js parses it as a content stream) is decoded synchronously, in one call, into
 * a bitmap the size its JBIG2 page-information segment claims (100000×100000 pixels is 1.25 GB, filled
 * and inverted byte by byte), before any text is produced. Such streams never hold text, so their
 * claimed size is read from the raw bytes before pdf.js sees them. Stream dictionaries are never
 * compressed or encrypted, so a scan of the file's bytes finds every one.
 */

/** Most bytes a non-image JBIG2 stream may claim to decode to (128 MiB, a 1-gigapixel bitmap). */
const _maxBitmapBytes = 128 * 1024 * 1024;
const _marker = '/JBIG2Decode';
/** How far before a filter name its dictionary may start, and after it its `stream` keyword. */
const _dictionaryReach = 4096;
const _jbig2PageInformation = 48;

/** Describes the first oversized non-image JBIG2 stream in a PDF's bytes, or gives undefined. */
export function findDecodeBomb(bytes: Uint8Array): string | undefined {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let at = buffer.indexOf(_marker); at !== -1; at = buffer.indexOf(_marker, at + _marker.length)) {
		const streamAt = buffer.indexOf('stream', at);
		if (streamAt === -1) return undefined;
		if (streamAt - at > _dictionaryReach) continue;
		const objAt = buffer.lastIndexOf('obj', at);
		const dictionary = buffer.toString('latin1', Math.max(objAt, at - _dictionaryReach), streamAt);
		if (/\/Subtype\s*\/Image\b/.test(dictionary)) continue;
		if (!/\/Filter\s*(?:\[\s*)?\/JBIG2Decode\b/.test(dictionary)) continue; // not the first filter: data is still encoded
		let dataAt = streamAt + 'stream'.length;
		if (buffer[dataAt] === 0x0d) dataAt++;
		if (buffer[dataAt] === 0x0a) dataAt++;
		const size = _readJbig2PageSize(buffer, dataAt);
		if (size !== undefined && size.bytes > _maxBitmapBytes) {
			return `a non-image JBIG2 stream that decodes to a ${size.width}×${size.height} bitmap (${Math.round(size.bytes / 1048576)} MiB)`;
		}
	}
	return undefined;
}

/** Reads the page size from the first segments of an embedded JBIG2 stream (ITU T.88 §7.2). */
function _readJbig2PageSize(buffer: Buffer, start: number): {width: number; height: number; bytes: number} | undefined {
	let position = start;
	for (let segment = 0; segment < 16 && position + 11 <= buffer.length; segment++) {
		const number = buffer.readUInt32BE(position);
		const flags = buffer[position + 4] ?? 0;
		let referred = (buffer[position + 5] ?? 0) >> 5;
		position += 6;
		if (referred === 7) {
			referred = buffer.readUInt32BE(position - 1) & 0x1fffffff;
			position += 3 + Math.ceil((referred + 1) / 8);
		}
		position += referred * (number <= 256 ? 1 : number <= 65536 ? 2 : 4);
		position += flags & 0x40 ? 4 : 1;
		if (position + 12 > buffer.length) return undefined;
		const length = buffer.readUInt32BE(position);
		position += 4;
		if ((flags & 0x3f) === _jbig2PageInformation) {
			const width = buffer.readUInt32BE(position);
			const height = buffer.readUInt32BE(position + 4);
			if (height === 0xffffffff) return undefined;
			return {width, height, bytes: ((width + 7) >> 3) * height};
		}
		if (length === 0xffffffff) return undefined;
		position += length;
	}
	return undefined;
}
