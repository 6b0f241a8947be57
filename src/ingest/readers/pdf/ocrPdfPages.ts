import type {PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {toError} from '../../../errors.js';
import {recognizePage} from '../../ocr/recognizePage.js';
import type {ExtractedPage, OcrOptions} from '../../SourceDocument.js';
import {hasUsableText, lacksTextLayer} from './lacksTextLayer.js';
import {measurePagePaint, type PagePaint} from './measurePagePaint.js';
import {readPageScanImage} from './readPageScanImage.js';
import {renderPageImage, type PageImage} from './renderPageImage.js';

export interface OcrPdfPagesOptions {
	ocr: OcrOptions;
	/** Pages pdf.js could not read (already a warning each): left as they are. */
	unreadable: ReadonlySet<number>;
	/** Receives a warning per page that could not be OCRed, was rendered below `ocr.dpi` or has a low confidence. */
	warnings: string[];
}

export interface OcrPdfPagesResult {
	/** Every page, OCRed or as it was. */
	pages: ExtractedPage[];
	/** Whether OCR read a page or tried to (one that failed keeps its text layer): the text then depends on the OCR settings. */
	ocrUsed: boolean;
}

/** A page as it ends up, with its warnings (kept apart so that they are reported in page order). */
interface _PageOutcome {
	page: ExtractedPage;
	warnings: string[];
}

/**
 * OCRs the pages of a PDF that need it, by `ocr.mode`: `always` every page; `auto` each page
 * without a usable text layer (see lacksTextLayer). An OCRed page's text replaces its
 * text layer; the other pages keep theirs. A page that cannot be rendered or read keeps its text
 * layer and becomes a warning.
 *
 * Rendering (pdf.js, on this thread) and recognition (Tesseract, on the OCR engine's worker thread)
 * overlap: the next page is rendered while Tesseract reads this one, so that a long scan keeps two
 * cores busy. At most one rendered page waits for Tesseract, which bounds the memory to two page
 * images.
 */
export async function ocrPdfPages(document: PDFDocumentProxy, pages: readonly ExtractedPage[], options: OcrPdfPagesOptions): Promise<OcrPdfPagesResult> {
	const {ocr, unreadable} = options;
	const outcomes: Array<Promise<_PageOutcome>> = [];
	let recognizing: Promise<unknown> = Promise.resolve();
	let ocrUsed = false;
	for (const page of pages) {
		const warnings: string[] = [];
		const keep = (error: unknown): _PageOutcome => {
			ocrUsed = true;
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
		ocrUsed = true;
		// Tesseract reads one page at a time: wait for the page before, which read while this one rendered.
		await recognizing;
		const recognized = recognizePage(image.image, {ocr, number: page.number, dpi: image.dpi, warnings}).then(read => ({page: read, warnings}), keep);
		recognizing = recognized;
		outcomes.push(recognized);
	}
	const settled = await Promise.all(outcomes);
	for (const outcome of settled) options.warnings.push(...outcome.warnings);
	return {pages: settled.map(outcome => outcome.page), ocrUsed};
}

/**
 * The page's image for OCR when it needs it (see {@link ocrPdfPages}): a page that is only a scanned
 * image at about `ocr.dpi` gives that image as it is, any other is rendered. Undefined when its
 * text layer is kept.
 */
async function _renderIfNeeded(document: PDFDocumentProxy, page: ExtractedPage, ocr: OcrOptions, warnings: string[]): Promise<PageImage | undefined> {
	if (ocr.mode !== 'always' && hasUsableText(page.text)) return undefined;
	const pdfPage = await document.getPage(page.number);
	try {
		let measured: PagePaint | undefined;
		const measurePaint = async () => (measured ??= await measurePagePaint(pdfPage));
		if (ocr.mode !== 'always' && !(await lacksTextLayer(page.text, measurePaint))) return undefined;
		const scanned = await readPageScanImage(pdfPage, await measurePaint(), ocr);
		if (scanned !== undefined) return scanned;
		const rendered = await renderPageImage(document, pdfPage, ocr);
		if (rendered.dpi < ocr.dpi - 0.5) warnings.push(`page ${page.number}: rendered for OCR at ${Math.round(rendered.dpi)} DPI instead of ${ocr.dpi}, to stay within extract.ocr.maxPixels (${ocr.maxPixels})`);
		return rendered;
	} finally {
		pdfPage.cleanup();
	}
}
