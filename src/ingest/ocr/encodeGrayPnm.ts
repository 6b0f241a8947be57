/**
 * How pixels are laid out: 8-bit RGBA (a canvas, a decoded TIFF), 8-bit RGB, or 1 bit a pixel with
 * rows padded to whole bytes, 1 = white (pdf.js's image kinds).
 */
export type PixelLayout = 'rgba' | 'rgb' | 'bilevel';

/**
 * Encodes pixels as an 8-bit gray PNM (PGM) image: the cheapest format Tesseract's image library
 * reads (a short header and the bytes; no compression), a quarter of the RGBA size. Luma weights
 * are ITU-R BT.601's, in fixed point; a translucent RGBA pixel is laid over white, as on paper.
 */
export function encodeGrayPnm(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, layout: PixelLayout = 'rgba'): Uint8Array {
	const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
	const image = new Uint8Array(header.length + width * height);
	image.set(header);
	const gray = image.subarray(header.length);
	if (layout === 'bilevel') _unpackBilevel(pixels, width, height, gray);
	else _convertToGray(pixels, layout === 'rgba' ? 4 : 3, gray);
	return image;
}

function _convertToGray(pixels: Uint8Array | Uint8ClampedArray, channels: 3 | 4, gray: Uint8Array): void {
	for (let source = 0, target = 0; target < gray.length; source += channels, target++) {
		const luma = (pixels[source]! * 77 + pixels[source + 1]! * 150 + pixels[source + 2]! * 29) >> 8;
		const alpha = channels === 4 ? pixels[source + 3]! : 255;
		gray[target] = alpha === 255 ? luma : 255 - (((255 - luma) * alpha + 127) / 255 | 0);
	}
}

function _unpackBilevel(pixels: Uint8Array | Uint8ClampedArray, width: number, height: number, gray: Uint8Array): void {
	const rowBytes = (width + 7) >> 3;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) gray[y * width + x] = (pixels[y * rowBytes + (x >> 3)]! << (x & 7)) & 0x80 ? 255 : 0;
	}
}
