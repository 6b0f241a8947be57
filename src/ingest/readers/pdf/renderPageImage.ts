import type {SKRSContext2D} from '@napi-rs/canvas';
import type {PDFDocumentProxy, PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {encodeGrayPnm} from '../../ocr/encodeGrayPnm.js';

export interface RenderPageImageOptions {
	/** Wanted resolution in dots per inch. */
	dpi: number;
	/** Most pixels of the image; a larger page is rendered at a lower resolution. */
	maxPixels: number;
}

export interface PageImage {
	/** A gray PNM image of the page. */
	image: Uint8Array;
	/** The resolution actually used: `dpi`, or less for a page too large for `maxPixels`. */
	dpi: number;
}

/**
 * Renders a page with pdf.js onto a @napi-rs/canvas canvas (pdf.js's own canvas factory in Node),
 * on white, and returns it as a gray image for OCR. The page's declared size cannot exhaust memory:
 * the resolution is lowered until the image fits `maxPixels`.
 */
export async function renderPageImage(document: PDFDocumentProxy, page: PDFPageProxy, options: RenderPageImageOptions): Promise<PageImage> {
	const atOne = page.getViewport({scale: 1});
	const wanted = options.dpi / 72;
	const fit = Math.sqrt(options.maxPixels / (atOne.width * wanted * atOne.height * wanted));
	const scale = wanted * Math.min(1, fit);
	const viewport = page.getViewport({scale});
	const width = Math.max(1, Math.floor(viewport.width));
	const height = Math.max(1, Math.floor(viewport.height));
	const factory = document.canvasFactory as _CanvasFactory;
	const target = factory.create(width, height);
	try {
		await page.render({canvas: null, canvasContext: target.context as never, viewport}).promise;
		const pixels = target.context.getImageData(0, 0, width, height).data;
		return {image: encodeGrayPnm(pixels, width, height), dpi: scale * 72};
	} finally {
		factory.destroy(target);
	}
}

interface _CanvasAndContext {
	canvas: unknown;
	context: SKRSContext2D;
}

/** pdf.js's canvas factory (NodeCanvasFactory, which creates @napi-rs/canvas canvases), typed only as Object by pdf.js. */
interface _CanvasFactory {
	create(width: number, height: number): _CanvasAndContext;
	destroy(canvasAndContext: _CanvasAndContext): void;
}
