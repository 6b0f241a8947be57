import type {PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {IngestError, toError} from '../../../errors.js';
import {describeEmptyOcr} from '../../ocr/recognizePage.js';
import type {ExtractedPage, OcrDependence, OcrOptions, ReaderContext, ReaderResult} from '../../SourceDocument.js';
import {collectKnownWords} from '../../../text/collectKnownWords.js';
import {formatNumberRanges} from '../../../text/formatNumberRanges.js';
import {collectPageSegments} from './collectPageSegments.js';
import {findDecodeBomb} from './findDecodeBomb.js';
import {formatPageText} from './formatPageText.js';
import {listPagesWithoutTextLayer} from './listPagesWithoutTextLayer.js';
import {ocrPdfPages} from './ocrPdfPages.js';
import {openPdfDocument} from './openPdfDocument.js';
import type {PdfSegment} from './PdfSegment.js';
import {readPdfTitle} from './readPdfTitle.js';
import {removeRunningLines} from './removeRunningLines.js';

/**
 * Reads a PDF's text, one page at a time, with pdf.js: text items are placed by position (so
 * columns read in order whatever the content stream does), running headers, footers and page
 * numbers are dropped, hyphenated words rejoined and paragraphs separated by blank lines. A page that
 * cannot be read becomes a warning (`page N: reason`) and an empty page. Throws IngestError:
 * E_ENCRYPTED (needs a password), E_PARSE_FAILED (not a readable PDF, or no page readable),
 * E_TOO_LARGE (over `maxPages` or `maxTextChars`, or a decompression bomb), E_NO_TEXT (no page has
 * text, even after OCR). Pages without a usable text layer are read by OCR (see ocrPdfPages) unless
 * `limits.ocr.mode` is off; then such pages are named in one warning, so that no page goes unread
 * unsaid. The result says whether its text depends on the OCR settings (`ocrDependence`).
 */
export async function readPdf(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {path, limits} = context;
	const bomb = findDecodeBomb(bytes);
	if (bomb !== undefined) throw new IngestError('E_TOO_LARGE', path, `${path} holds ${bomb}: a decompression bomb, not read; remove or repair the file`);
	const document = await openPdfDocument(bytes, path);
	try {
		if (document.numPages > limits.maxPages) {
			throw new IngestError('E_TOO_LARGE', path, `${path} has ${document.numPages} pages, over the limit of ${limits.maxPages}; raise extract.maxPages to read it`);
		}
		const title = await readPdfTitle(document);
		const warnings: string[] = [];
		const unreadable = new Set<number>();
		const pages: PdfSegment[][] = [];
		let chars = 0;
		for (let number = 1; number <= document.numPages; number++) {
			const segments = await _readPageSegments(document, number).catch((error: unknown) => {
				warnings.push(`page ${number}: ${toError(error).message}`);
				unreadable.add(number);
				return [];
			});
			for (const segment of segments) chars += segment.text.length;
			if (chars > limits.maxTextChars) {
				throw new IngestError('E_TOO_LARGE', path, `${path} gives over ${limits.maxTextChars} characters of text by page ${number}; raise extract.maxTextChars to read it`);
			}
			pages.push(segments);
		}
		const kept = removeRunningLines(pages);
		const knownWords = collectKnownWords(_texts(kept));
		const layers: ExtractedPage[] = kept.map((segments, index) => ({number: index + 1, text: formatPageText(segments, knownWords), ocr: false}));
		const {pages: extracted, ocrUsed} = limits.ocr.mode === 'off' ? {pages: layers, ocrUsed: false} : await ocrPdfPages(document, layers, {ocr: limits.ocr, unreadable, warnings});
		if (extracted.every(page => page.text === '')) {
			if (unreadable.size > 0) throw new IngestError('E_PARSE_FAILED', path, `${path} could not be read: ${unreadable.size} of ${pages.length} pages failed (${warnings[0]}) and the rest hold no text; the file may be corrupt, re-export or repair it`);
			throw new IngestError('E_NO_TEXT', path, `${path} ${_describeNoText(extracted, limits.ocr.mode)}`);
		}
		// Checked only once the document has text: a PDF with none fails above without measuring a page.
		const unread = limits.ocr.mode === 'off' ? await listPagesWithoutTextLayer(document, extracted, unreadable) : [];
		if (unread.length > 0) warnings.push(_describeUnreadPages(unread));
		const ocrDependence: OcrDependence = ocrUsed || unread.length > 0 || limits.ocr.mode === 'always' ? 'ocr' : 'text-layer';
		return {pages: extracted, ...(title === undefined ? {} : {title}), warnings, ocrDependence};
	} finally {
		await document.destroy();
	}
}

function _describeNoText(pages: readonly ExtractedPage[], mode: OcrOptions['mode']): string {
	if (mode === 'off') return 'has no text layer and OCR is off (extract.ocr.mode); set it to auto to read scanned pages';
	return pages.some(page => page.ocr) ? `has no text: ${describeEmptyOcr(pages)}` : 'has no text: its pages are blank';
}

function _describeUnreadPages(numbers: readonly number[]): string {
	const pages = numbers.length === 1 ? `page ${numbers[0]} has` : `pages ${formatNumberRanges(numbers)} have`;
	return `${pages} no text layer and OCR is off (extract.ocr.mode); set it to auto to read ${numbers.length === 1 ? 'it' : 'them'}`;
}

async function _readPageSegments(document: PDFDocumentProxy, number: number): Promise<PdfSegment[]> {
	const page = await document.getPage(number);
	try {
		const content = await page.getTextContent();
		return collectPageSegments(content, page.getViewport({scale: 1}).transform);
	} finally {
		page.cleanup();
	}
}

function* _texts(pages: readonly PdfSegment[][]): Generator<string> {
	for (const segments of pages) for (const segment of segments) yield segment.text;
}
