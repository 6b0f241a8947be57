import type {PDFDocumentProxy, PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {toError} from '../../../errors.js';
import {recognizePage} from '../../ocr/recognizePage.js';
import type {ExtractedPage, OcrOptions} from '../../SourceDocument.js';
import {measurePagePaint} from './measurePagePaint.js';
import {renderPageImage} from './renderPageImage.js';

/** A page's text layer is usable from this many non-space characters; with fewer it is stray marks (a page number, a stamp). */
const _usableTextChars = 20;
/** A page with only stray characters is a scan when images cover at least this share of it. */
const _scanImageCoverage = 0.5;

export interface OcrPdfPagesOptions {
	ocr: OcrOptions;
	/** Pages pdf.js could not read (already a warning each): left as they are. */
	unreadable: ReadonlySet<number>;
	/** Receives a warning per page that could not be OCRed, was rendered below `ocr.dpi` or has a low confidence. */
	warnings: string[];
}

/**
 * OCRs the pages of a PDF that need it, by `ocr.mode`: `always` every page; `auto` each page
 * without a usable text layer, that is a page without text that draws something, or one with only
 * a few stray characters whose area is mostly covered by images. An OCRed page's text replaces its
 * text layer; the other pages keep theirs. A page that cannot be rendered keeps its text layer and
 * becomes a warning.
 */
export async function ocrPdfPages(document: PDFDocumentProxy, pages: readonly ExtractedPage[], options: OcrPdfPagesOptions): Promise<ExtractedPage[]> {
	const {ocr, unreadable, warnings} = options;
	const result: ExtractedPage[] = [];
	for (const page of pages) {
		if (unreadable.has(page.number)) {
			result.push(page);
			continue;
		}
		result.push(await _ocrPageIfNeeded(document, page, ocr, warnings).catch((error: unknown) => {
			warnings.push(`page ${page.number}: OCR failed (${toError(error).message})`);
			return page;
		}));
	}
	return result;
}

async function _ocrPageIfNeeded(document: PDFDocumentProxy, page: ExtractedPage, ocr: OcrOptions, warnings: string[]): Promise<ExtractedPage> {
	const pdfPage = await document.getPage(page.number);
	try {
		if (ocr.mode !== 'always' && !(await _lacksTextLayer(pdfPage, page.text))) return page;
		const {image, dpi} = await renderPageImage(document, pdfPage, ocr);
		if (dpi < ocr.dpi - 0.5) warnings.push(`page ${page.number}: rendered for OCR at ${Math.round(dpi)} DPI instead of ${ocr.dpi}, to stay within extract.ocr.maxPixels (${ocr.maxPixels})`);
		return await recognizePage(image, {ocr, number: page.number, dpi, warnings});
	} finally {
		pdfPage.cleanup();
	}
}

async function _lacksTextLayer(page: PDFPageProxy, text: string): Promise<boolean> {
	const chars = text.replace(/\s/g, '').length;
	if (chars >= _usableTextChars) return false;
	const paint = await measurePagePaint(page);
	return chars === 0 ? paint.paintsAnything : paint.imageCoverage >= _scanImageCoverage;
}
