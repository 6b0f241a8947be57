/** Width and height in pixels, as an image's header declares them. */
export interface ImageSize {
	width: number;
	height: number;
}

/** JPEG start-of-frame markers: 0xC0 to 0xCF but for DHT (C4), JPG (C8) and DAC (CC). */
const _jpegFrameMarkers = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * The size a PNG (IHDR) or JPEG (start of frame) header declares, read before anything is decoded,
 * so that a hostile image declaring a gigantic size is refused for the price of its header.
 * Undefined when the header cannot be found.
 */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes[0] === 0x89 && bytes[1] === 0x50) return bytes.length >= 24 ? {width: view.getUint32(16), height: view.getUint32(20)} : undefined;
	let offset = 2;
	while (offset + 9 < bytes.length) {
		if (bytes[offset] !== 0xff) return undefined;
		const marker = bytes[offset + 1]!;
		if (marker === 0xff) {
			offset++;
			continue;
		}
		if (_jpegFrameMarkers.has(marker)) return {width: view.getUint16(offset + 7), height: view.getUint16(offset + 5)};
		if (marker === 0xda) return undefined;
		offset += 2 + view.getUint16(offset + 2);
	}
	return undefined;
}
