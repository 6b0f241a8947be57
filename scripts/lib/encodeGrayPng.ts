import {crc32, deflateSync} from 'node:zlib';

/**
 * An 8-bit grayscale PNG written by hand (signature, IHDR, IDAT, IEND). `rows` are the filtered
 * scanlines (a filter byte, then `width` pixels, per row); the header may declare any size, so that
 * tests can have an image that claims more pixels than its data holds.
 */
export function encodeGrayPng(width: number, height: number, rows: Uint8Array): Uint8Array {
	const chunk = (type: string, data: Uint8Array): Buffer => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const frame = Buffer.alloc(body.length + 8);
		frame.writeUInt32BE(data.length, 0);
		body.copy(frame, 4);
		frame.writeUInt32BE(crc32(body), body.length + 4);
		return frame;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
