import {IngestError} from '../../../errors.js';
import {describeEmptyOcr, recognizePage} from '../../ocr/recognizePage.js';
import type {ExtractedPage, ReaderContext, ReaderResult} from '../../SourceDocument.js';
import {readImageSize} from './readImageSize.js';
import {readTiffPages} from './readTiffPages.js';

/**
 * Reads an image file by OCR: a PNG or JPEG is one page, a TIFF one page per image it holds. A
 * declared size over `ocr.maxPixels` is refused (E_TOO_LARGE) before anything is decoded. Throws
 * E_NO_TEXT when OCR is off or finds no text, E_PARSE_FAILED when the image cannot be decoded.
 */
export async function readImage(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {path, limits} = context;
	const {ocr} = limits;
	if (ocr.mode === 'off') throw new IngestError('E_NO_TEXT', path, `${path} is an image and OCR is off (extract.ocr.mode); set it to auto to read it`);
	const warnings: string[] = [];
	const pages: ExtractedPage[] = [];
	if (_isTiff(bytes)) {
		for (const {image, dpi} of readTiffPages(bytes, path, limits)) {
			pages.push(await recognizePage(image, {ocr, number: pages.length + 1, ...(dpi === undefined ? {} : {dpi}), warnings}));
		}
	} else {
		const size = readImageSize(bytes);
		if (size === undefined) throw new IngestError('E_PARSE_FAILED', path, `${path} is an image whose size cannot be read; the file may be corrupt or truncated`);
		if (size.width * size.height > ocr.maxPixels) {
			throw new IngestError('E_TOO_LARGE', path, `${path} is a ${size.width}×${size.height} image, over extract.ocr.maxPixels (${ocr.maxPixels}); raise it to read the file`);
		}
		pages.push(await recognizePage(bytes, {ocr, number: 1, warnings}));
	}
	if (pages.every(page => page.text === '')) throw new IngestError('E_NO_TEXT', path, `${path} has no text: ${describeEmptyOcr(pages)}`);
	return {pages, warnings, ocrDependence: 'ocr'};
}

function _isTiff(bytes: Uint8Array): boolean {
	return (bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d);
}
