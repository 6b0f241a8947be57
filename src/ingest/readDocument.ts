import {createHash} from 'node:crypto';
import {readFile, stat} from 'node:fs/promises';
import {IngestError} from '../errors.js';
import {createFileUnreadableError} from './createFileUnreadableError.js';
import {readPdf} from './readers/pdf/readPdf.js';
import {joinPages} from './joinPages.js';
import {type ExtractLimits, type ReaderContext, type ReaderResult, type SourceDocument} from './SourceDocument.js';
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
		throw new IngestError('E_UNSUPPORTED_FORMAT', path, `${path} is a ZIP archive but not a Word document; precis reads PDF, DOCX and text files`);
	}
	const context: ReaderContext = {path, limits};
	const result: ReaderResult = format === 'pdf' ? await readPdf(bytes, context) : format === 'docx' ? await _readDocx(bytes, context) : await _readText(bytes, context);
	const {text, pageStarts} = joinPages(result.pages);
	if (text.trim() === '') {
		const reason = format === 'pdf' ? 'has no text layer; OCR not enabled' : 'contains no text';
		throw new IngestError('E_NO_TEXT', path, `${path} ${reason}`);
	}
	if (text.length > limits.maxTextChars) {
		throw new IngestError('E_TOO_LARGE', path, `${path} gives ${text.length} characters of text, over the limit of ${limits.maxTextChars}; raise extract.maxTextChars to read it`);
	}
	return {...result, path, format, sha256, bytes: info.size, text, pageStarts};
}

/** The DOCX and text readers are loaded on first use: an extraction process given only PDFs never pays for mammoth (about 80 ms). */
async function _readDocx(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {readDocx} = await import('./readers/docx/readDocx.js');
	return readDocx(bytes, context);
}

async function _readText(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {readText} = await import('./readers/text/readText.js');
	return readText(bytes, context);
}
