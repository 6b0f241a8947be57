import {createHash} from 'node:crypto';
import {readFile, stat} from 'node:fs/promises';
import {IngestError} from '../errors.js';
import {createFileUnreadableError} from './createFileUnreadableError.js';
import {readPdf} from './readers/pdf/readPdf.js';
import {joinPages} from './joinPages.js';
import {type DocumentFormat, type ExtractLimits, type ReaderContext, type ReaderResult, type SourceDocument} from './SourceDocument.js';
import {sniffFormat} from './sniffFormat.js';

/**
 * Reads one file into a SourceDocument: checks its size, hashes its bytes, detects its format from
 * its content and extracts its text. Throws IngestError with a code for every bad input.
 */
export async function readDocument(path: string, limits: ExtractLimits): Promise<SourceDocument> {
	const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
		throw createFileUnreadableError(path, error);
	});
	if (!info.isFile()) throw new IngestError('E_UNSUPPORTED_FORMAT', path, `${path} is not a regular file`);
	if (info.size > limits.maxFileBytes) {
		throw new IngestError('E_TOO_LARGE', path, `${path} has ${info.size} bytes, over the limit of ${limits.maxFileBytes}; raise extract.maxFileBytes to read it`);
	}
	if (info.size === 0) throw new IngestError('E_NO_TEXT', path, `${path} is empty`);
	const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
		throw createFileUnreadableError(path, error);
	});
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const format = sniffFormat(bytes);
	if (format === 'zip-other') {
		throw new IngestError('E_UNSUPPORTED_FORMAT', path, `${path} is a ZIP archive but not a Word document; precis reads PDF, DOCX, text and image files`);
	}
	const result = await _readers[format](bytes, {path, limits});
	const {text, pageStarts} = joinPages(result.pages);
	// Each reader refuses a document without text itself; this catches pages of whitespace only.
	if (text.trim() === '') throw new IngestError('E_NO_TEXT', path, `${path} contains no text`);
	if (text.length > limits.maxTextChars) {
		throw new IngestError('E_TOO_LARGE', path, `${path} gives ${text.length} characters of text, over the limit of ${limits.maxTextChars}; raise extract.maxTextChars to read it`);
	}
	return {...result, path, format, sha256, bytes: info.size, text, pageStarts};
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
