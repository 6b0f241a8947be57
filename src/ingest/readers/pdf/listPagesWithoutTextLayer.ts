import type {PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {ExtractedPage} from '../../SourceDocument.js';
import {lacksTextLayer} from './lacksTextLayer.js';
import {measurePagePaint} from './measurePagePaint.js';

/**
 * The numbers of the pages that OCR's `auto` mode would read (see lacksTextLayer), for a PDF read
 * with OCR off: pages pdf.js could not read (`unreadable`, already a warning each) are left out, and
 * a page whose paint cannot be measured is counted in (`auto` would try it). Only
 * a page whose text layer is (nearly) empty is opened again to measure what it paints.
 */
export async function listPagesWithoutTextLayer(document: PDFDocumentProxy, pages: readonly ExtractedPage[], unreadable: ReadonlySet<number>): Promise<number[]> {
	const numbers: number[] = [];
	for (const page of pages) {
		if (unreadable.has(page.number)) continue;
		const measurePaint = async () => {
			const pdfPage = await document.getPage(page.number);
			try {
				return await measurePagePaint(pdfPage);
			} finally {
				pdfPage.cleanup();
			}
		};
		// A page whose paint cannot be measured is one `auto` would try to OCR (and warn of when that fails).
		if (await lacksTextLayer(page.text, measurePaint).catch(() => true)) numbers.push(page.number);
	}
	return numbers;
}
