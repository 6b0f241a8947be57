import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {loadPdfjs} from './loadPdfjs.js';
import {multiplyMatrix, type Matrix} from './multiplyMatrix.js';

export interface PagePaint {
	/** Whether the page draws anything at all (paths, shadings, images or glyphs). */
	paintsAnything: boolean;
	/** Share of the page's area covered by images, 0 to 1 (overlaps are counted twice, then capped at 1). */
	imageCoverage: number;
	/**
	 * The one image the page paints (a pdf.js object id) and the matrix it is painted under, when
	 * the page paints nothing else and sets nothing but the matrix and colours (see readPageScanImage).
	 */
	onlyImage?: PlacedImage;
}

export interface PlacedImage {
	id: string;
	matrix: Matrix;
}

/**
 * What a page paints, from one walk of its operator list: whether anything, how much of it images
 * cover, and the page's only image when it is nothing else. Each image fills the unit square under
 * the current transformation matrix, which is followed through save/restore, transform and form
 * XObjects.
 */
export async function measurePagePaint(page: PDFPageProxy): Promise<PagePaint> {
	const {OPS} = await loadPdfjs();
	const images = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask]);
	const painting = new Set<number>([...images, OPS.stroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.shadingFill, OPS.showText, OPS.showSpacedText, OPS.constructPath]);
	// Operators that paint nothing by themselves; any other (text, paths, masks, forms, graphics states) means the page is more than an image.
	const harmless = new Set<number>([OPS.save, OPS.restore, OPS.transform, OPS.dependency, OPS.setFillRGBColor, OPS.setStrokeRGBColor]);
	const {fnArray, argsArray} = await page.getOperatorList();
	const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
	const pageArea = Math.abs((x1 - x0) * (y1 - y0));
	const stack: Matrix[] = [];
	let matrix: Matrix = [1, 0, 0, 1, 0, 0];
	let paintsAnything = false;
	let imageArea = 0;
	let onlyImage: PlacedImage | undefined;
	let onlyThatImage = true;
	fnArray.forEach((fn, index) => {
		const args = argsArray[index] as unknown[] | null;
		if (fn === OPS.save) stack.push(matrix);
		else if (fn === OPS.restore) matrix = stack.pop() ?? matrix;
		else if (fn === OPS.transform) matrix = multiplyMatrix(matrix, args as Matrix);
		else if (fn === OPS.paintFormXObjectBegin) {
			stack.push(matrix);
			if (Array.isArray(args?.[0])) matrix = multiplyMatrix(matrix, args[0] as Matrix);
		} else if (fn === OPS.paintFormXObjectEnd) matrix = stack.pop() ?? matrix;
		if (fn === OPS.paintImageXObject && onlyImage === undefined && typeof args?.[0] === 'string') onlyImage = {id: args[0], matrix};
		else if (!harmless.has(fn)) onlyThatImage = false;
		if (painting.has(fn)) paintsAnything = true;
		if (images.has(fn)) imageArea += _clippedUnitSquareArea(matrix, [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)]);
	});
	const imageCoverage = pageArea === 0 ? 0 : Math.min(1, imageArea / pageArea);
	return onlyThatImage && onlyImage !== undefined ? {paintsAnything, imageCoverage, onlyImage} : {paintsAnything, imageCoverage};
}

/** Area of the bounding box of the unit square under `matrix`, clipped to `box` (x0, y0, x1, y1). */
function _clippedUnitSquareArea(matrix: Matrix, box: readonly [number, number, number, number]): number {
	const [a, b, c, d, e, f] = matrix;
	const xs = [e, a + e, c + e, a + c + e];
	const ys = [f, b + f, d + f, b + d + f];
	const width = Math.min(Math.max(...xs), box[2]) - Math.max(Math.min(...xs), box[0]);
	const height = Math.min(Math.max(...ys), box[3]) - Math.max(Math.min(...ys), box[1]);
	return width > 0 && height > 0 ? width * height : 0;
}
