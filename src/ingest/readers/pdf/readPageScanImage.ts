import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {encodeGrayPnm, type PixelLayout} from '../../ocr/encodeGrayPnm.js';
import type {PagePaint} from './measurePagePaint.js';
import type {PageImage, RenderPageImageOptions} from './renderPageImage.js';

/** An image's resolution is taken as it is within this factor of the wanted DPI; further off, the page is rendered at that DPI. */
const _dpiTolerance = 1.25;
/** How far, in points, the image's edges may be from the page's. */
const _edgeTolerance = 1;

/** An image as pdf.js decodes it for its canvas (in Node, always raw pixels). */
interface _DecodedImage {
	width: number;
	height: number;
	/** pdf.js's ImageKind: 1 GRAYSCALE_1BPP, 2 RGB_24BPP, 3 RGBA_32BPP. */
	kind: number;
	data?: Uint8Array | Uint8ClampedArray;
}

const _layouts: Record<number, PixelLayout> = {1: 'bilevel', 2: 'rgb', 3: 'rgba'};

/**
 * A scanned page's image as Tesseract can read it, taken from the PDF without rendering, when the
 * page is nothing but one upright image that covers it at about the wanted resolution (what a
 * scanner's "scan to PDF" writes); undefined otherwise, and the page is rendered. It spares
 * painting the image onto a canvas and reading the canvas back (about half the CPU time of
 * rendering a 300-DPI letter page). The image is the one pdf.js decoded for the page's operator
 * list, with its decode array, colour space and soft mask applied; `paint` is what measurePagePaint
 * found walking that list (the page's only image, if it is nothing else).
 */
export async function readPageScanImage(page: PDFPageProxy, paint: PagePaint, options: RenderPageImageOptions): Promise<PageImage | undefined> {
	const placed = paint.onlyImage;
	if (page.rotate % 360 !== 0 || placed === undefined) return undefined;
	const [a, b, c, d, e, f] = placed.matrix;
	const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
	const upright = a > 0 && d > 0 && b === 0 && c === 0;
	const fills = [e - x0, f - y0, e + a - x1, f + d - y1].every(gap => Math.abs(gap) <= _edgeTolerance);
	if (!upright || !fills) return undefined;
	// pdf.js may resolve an image it could not decode with null: rendering then decides what the page shows.
	const image = await new Promise<_DecodedImage | null>(resolve => (placed.id.startsWith('g_') ? page.commonObjs : page.objs).get(placed.id, resolve));
	if (image?.data === undefined) return undefined;
	const layout = _layouts[image.kind];
	const dpi = (image.width / a) * 72;
	const squarePixels = Math.abs((image.height / d) * 72 - dpi) <= 1;
	const nearWanted = dpi <= options.dpi * _dpiTolerance && dpi >= options.dpi / _dpiTolerance;
	if (layout === undefined || !squarePixels || !nearWanted || image.width * image.height > options.maxPixels) return undefined;
	return {image: encodeGrayPnm(image.data, image.width, image.height, layout), dpi};
}
