/**
 * Encodes RGBA pixels as an 8-bit gray PNM (PGM) image: the cheapest format Tesseract's image
 * library reads (a short header and the bytes; no compression), a quarter of the RGBA size.
 * Luma weights are ITU-R BT.601's, in fixed point.
 */
export function encodeGrayPnm(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
	const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
	const image = new Uint8Array(header.length + width * height);
	image.set(header);
	for (let source = 0, target = header.length; target < image.length; source += 4, target++) {
		image[target] = (rgba[source]! * 77 + rgba[source + 1]! * 150 + rgba[source + 2]! * 29) >> 8;
	}
	return image;
}
