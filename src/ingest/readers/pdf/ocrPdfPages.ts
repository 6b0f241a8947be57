import type {PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {toError} from '../../../errors.js';
import {recognizePage} from '../../ocr/recognizePage.js';
import type {ExtractedPage, OcrOptions} from '../../SourceDocument.js';
import {measurePagePaint, type PagePaint} from './measurePagePaint.js';
import {readPageScanImage} from './readPageScanImage.js';
import {renderPageImage, type PageImage} from './renderPageImage.js';

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

/** A page as it ends up, with its warnings (kept apart so that they are reported in page order). */
interface _PageOutcome {
	page: ExtractedPage;
	warnings: string[];
}

/**
 * OCRs the pages of a PDF that need it, by `ocr.mode`: `always` every page; `auto` each page
 * without a usable text layer, that is a page without text that draws something, or one with only
 * a few stray characters whose area is mostly covered by images. An OCRed page's text replaces its
 * text layer; the other pages keep theirs. A page that cannot be rendered or read keeps its text
 * layer and becomes a warning.
 *
 * Rendering (pdf.js, on this thread) and recognition (Tesseract, on the OCR engine's worker thread)
 * overlap: the next page is rendered while Tesseract reads this one, so that a long scan keeps two
 * cores busy. At most one rendered page waits for Tesseract, which bounds the memory to two page
 * images.
 */
export async function ocrPdfPages(document: PDFDocumentProxy, pages: readonly ExtractedPage[], options: OcrPdfPagesOptions): Promise<ExtractedPage[]> {
	const {ocr, unreadable} = options;
	const outcomes: Array<Promise<_PageOutcome>> = [];
	let recognizing: Promise<unknown> = Promise.resolve();
	for (const page of pages) {
		const warnings: string[] = [];
		const keep = (error: unknown): _PageOutcome => {
			warnings.push(`page ${page.number}: OCR failed (${toError(error).message})`);
			return {page, warnings};
		};
		let image: PageImage | undefined;
		try {
			image = unreadable.has(page.number) ? undefined : await _renderIfNeeded(document, page, ocr, warnings);
		} catch (error) {
			outcomes.push(Promise.resolve(keep(error)));
			continue;
		}
		if (image === undefined) {
			outcomes.push(Promise.resolve({page, warnings}));
			continue;
		}
		// Tesseract reads one page at a time: wait for the page before, which read while this one rendered.
		await recognizing;
		const recognized = recognizePage(image.image, {ocr, number: page.number, dpi: image.dpi, warnings}).then(read => ({page: read, warnings}), keep);
		recognizing = recognized;
		outcomes.push(recognized);
	}
	const settled = await Promise.all(outcomes);
	for (const outcome of settled) options.warnings.push(...outcome.warnings);
	return settled.map(outcome => outcome.page);
}

/**
 * The page's image for OCR when it needs it (see {@link ocrPdfPages}): a page that is only a scanned
 * image at about `ocr.dpi` gives that image as it is, any other is rendered. Undefined when its
 * text layer is kept.
 */
async function _renderIfNeeded(document: PDFDocumentProxy, page: ExtractedPage, ocr: OcrOptions, warnings: string[]): Promise<PageImage | undefined> {
	const chars = page.text.replace(/\s/g, '').length;
	if (ocr.mode !== 'always' && chars >= _usableTextChars) return undefined;
	const pdfPage = await document.getPage(page.number);
	try {
		const paint = await measurePagePaint(pdfPage);
		if (ocr.mode !== 'always' && !_lacksTextLayer(paint, chars)) return undefined;
		const scanned = await readPageScanImage(pdfPage, paint, ocr);
		if (scanned !== undefined) return scanned;
		const rendered = await renderPageImage(document, pdfPage, ocr);
		if (rendered.dpi < ocr.dpi - 0.5) warnings.push(`page ${page.number}: rendered for OCR at ${Math.round(rendered.dpi)} DPI instead of ${ocr.dpi}, to stay within extract.ocr.maxPixels (${ocr.maxPixels})`);
		return rendered;
	} finally {
		pdfPage.cleanup();
	}
}

/** Whether a page with this paint and `chars` non-space characters (under {@link _usableTextChars}) lacks a usable text layer. */
function _lacksTextLayer(paint: PagePaint, chars: number): boolean {
	return chars === 0 ? paint.paintsAnything : paint.imageCoverage >= _scanImageCoverage;
}
