import {createHash} from 'node:crypto';
import {IngestError} from '../errors.js';
import {createFileUnreadableError} from './createFileUnreadableError.js';
import {describeFormatMismatch} from './describeFormatMismatch.js';
import type {FileIdentity} from './createInputGuard.js';
import {keepOcrEngine} from './ocr/useOcrEngine.js';
import {openInputFile} from './openInputFile.js';
import {readPdf} from './readers/pdf/readPdf.js';
import {joinPages} from './joinPages.js';
import {type DocumentFormat, type ExtractLimits, type ReaderContext, type ReaderResult, type SourceDocument} from './SourceDocument.js';
import {sniffFormat} from './sniffFormat.js';

/**
 * Reads one file into a SourceDocument: checks its size, hashes its bytes, detects its format from
 * its content and extracts its text. The file is opened once, by {@link openInputFile} (which
 * refuses a file swapped since `identity` was taken), and read from that handle. Throws IngestError
 * with a code for every bad input.
 */
export async function readDocument(path: string, limits: ExtractLimits, identity?: FileIdentity): Promise<SourceDocument> {
	const {bytes, size} = await _readBytes(path, limits, identity);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const format = sniffFormat(bytes);
	if (format === 'zip-other') {
		throw new IngestError('E_UNSUPPORTED_FORMAT', path, `${path} is a ZIP archive but not a Word document; precis reads PDF, DOCX, text and image files`);
	}
	// One OCR engine reads every page of a scan, however long a page takes to render.
	const result = await keepOcrEngine(async () => _readers[format](bytes, {path, limits}));
	const {text, pageStarts} = joinPages(result.pages);
	// Each reader refuses a document without text itself; this catches pages of whitespace only.
	if (text.trim() === '') throw new IngestError('E_NO_TEXT', path, `${path} contains no text`);
	if (text.length > limits.maxTextChars) {
		throw new IngestError('E_TOO_LARGE', path, `${path} gives ${text.length} characters of text, over the limit of ${limits.maxTextChars}; raise extract.maxTextChars to read it`);
	}
	const mismatch = describeFormatMismatch(path, format);
	const warnings = mismatch === undefined ? result.warnings : [mismatch, ...result.warnings];
	return {...result, warnings, path, format, sha256, bytes: size, text, pageStarts};
}

async function _readBytes(path: string, limits: ExtractLimits, identity: FileIdentity | undefined): Promise<{bytes: Buffer; size: number}> {
	const handle = await openInputFile(path, identity);
	try {
		const {size} = await handle.stat();
		if (size > limits.maxFileBytes) {
			throw new IngestError('E_TOO_LARGE', path, `${path} has ${size} bytes, over the limit of ${limits.maxFileBytes}; raise extract.maxFileBytes to read it`);
		}
		if (size === 0) throw new IngestError('E_NO_TEXT', path, `${path} is empty`);
		const bytes = await handle.readFile().catch((error: NodeJS.ErrnoException) => {
			throw createFileUnreadableError(path, error);
		});
		return {bytes, size};
	} finally {
		await handle.close();
	}
}

const _readers: Record<DocumentFormat, (bytes: Uint8Array, context: ReaderContext) => Promise<ReaderResult>> = {pdf: readPdf, docx: _readDocx, text: _readText, image: _readImage};

/** The DOCX, text and image readers are loaded on first use: an extraction process given only PDFs never pays for mammoth (about 80 ms). */
async function _readDocx(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {readDocx} = await import('./readers/docx/readDocx.js');
	return readDocx(bytes, context);
}

async function _readImage(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {readImage} = await import('./readers/image/readImage.js');
	return readImage(bytes, context);
}

async function _readText(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {readText} = await import('./readers/text/readText.js');
	return readText(bytes, context);
}
