import type {DocumentFormat} from './SourceDocument.js';

/** What a file's first bytes say it is: a format to read, or `zip-other` for archives that are no Word document. */
export type SniffedFormat = DocumentFormat | 'zip-other';

const _cfbMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Signatures of the image formats read by OCR: PNG, JPEG, TIFF (little- and big-endian). */
const _imageMagics = [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]].map(magic => Buffer.from(magic));

/**
 * Detects a document's format from its content, never its name. OLE/CFB containers go to the DOCX
 * reader, which tells an encrypted DOCX from a legacy .doc. PNG, JPEG and TIFF images go to the
 * image reader (OCR). Anything else is offered to the text
 * reader, which refuses binary data.
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// PDF readers accept the header anywhere in the first KiB (some files start with junk).
	if (buffer.subarray(0, 1024).includes('%PDF-')) return 'pdf';
	if (buffer.subarray(0, 8).equals(_cfbMagic)) return 'docx';
	if (_imageMagics.some(magic => buffer.subarray(0, magic.length).equals(magic))) return 'image';
	if (buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 0x03 || buffer[2] === 0x05 || buffer[2] === 0x07)) {
		// Entry names are stored uncompressed; a truncated archive may only have its first ones.
		return buffer.includes('word/') || buffer.includes('[Content_Types].xml') ? 'docx' : 'zip-other';
	}
	return 'text';
}
