import UTIF from 'utif2';
import {IngestError} from '../../../errors.js';
import {encodeGrayPnm} from '../../ocr/encodeGrayPnm.js';
import type {ExtractLimits} from '../../SourceDocument.js';

/** One decoded page of a TIFF: a gray PNM image and its resolution, when the file states it. */
export interface TiffPage {
	image: Uint8Array;
	dpi: number | undefined;
}

/**
 * Decodes a TIFF's pages (a multi-page TIFF, such as a fax, gives several) one at a time with
 * utif2. Every page's declared size is checked against `ocr.maxPixels`, and the page count against
 * `maxPages`, before any pixel is decoded (E_TOO_LARGE).
 */
export function* readTiffPages(bytes: Uint8Array, path: string, limits: ExtractLimits): Generator<TiffPage> {
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const pages = UTIF.decode(buffer).filter(ifd => Array.isArray(ifd['t256']) && Array.isArray(ifd['t257']));
	if (pages.length === 0) throw new IngestError('E_PARSE_FAILED', path, `${path} is a TIFF without an image; the file may be corrupt`);
	if (pages.length > limits.maxPages) {
		throw new IngestError('E_TOO_LARGE', path, `${path} has ${pages.length} pages, over the limit of ${limits.maxPages}; raise extract.maxPages to read it`);
	}
	for (const [index, ifd] of pages.entries()) {
		const width = Number((ifd['t256'] as number[])[0]);
		const height = Number((ifd['t257'] as number[])[0]);
		if (width * height > limits.ocr.maxPixels) {
			throw new IngestError('E_TOO_LARGE', path, `${path} page ${index + 1} is a ${width}×${height} image, over extract.ocr.maxPixels (${limits.ocr.maxPixels}); raise it to read the file`);
		}
	}
	for (const ifd of pages) {
		UTIF.decodeImage(buffer, ifd);
		const image = encodeGrayPnm(UTIF.toRGBA8(ifd), ifd.width, ifd.height);
		// The decoded pixels are not kept past their page.
		delete (ifd as Partial<UTIF.IFD>).data;
		yield {image, dpi: _readDpi(ifd)};
	}
}

/** XResolution (tag 282) in dots per inch, by ResolutionUnit (296: 2 inch, the default; 3 centimetre; 1 none). */
function _readDpi(ifd: UTIF.IFD): number | undefined {
	const resolution = ifd['t282'] as unknown;
	const [first] = Array.isArray(resolution) ? (resolution as unknown[]) : [];
	const value = Array.isArray(first) ? Number(first[0]) / Number(first[1]) : Number(first);
	const unit = Number((ifd['t296'] as number[] | undefined)?.[0] ?? 2);
	if (!Number.isFinite(value) || value <= 0 || unit === 1) return undefined;
	return unit === 3 ? value * 2.54 : value;
}
