import {fileURLToPath} from 'node:url';
import type {PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {IngestError, toError} from '../../../errors.js';
import {loadPdfjs, pdfjsRootUrl} from './loadPdfjs.js';

/** pdfjs-dist's folder, for its CMaps (CJK encodings) and standard font metrics. */
const _pdfjsRoot = fileURLToPath(pdfjsRootUrl);

/**
 * Opens a PDF with pdf.js set up for text extraction in Node: CMaps and standard fonts from
 * pdfjs-dist, no font loading, eval, system fonts or canvas, no console output. The bytes are copied,
 * since pdf.js takes over (detaches) the buffer it is given. A password-protected document throws
 * E_ENCRYPTED, anything else that cannot be opened E_PARSE_FAILED; an installation where pdf.js itself
 * cannot load (its optional @napi-rs/canvas missing) E_CONFIG_INVALID, retried once that is fixed.
 */
export async function openPdfDocument(bytes: Uint8Array, path: string): Promise<PDFDocumentProxy> {
	const {getDocument} = await loadPdfjs().catch((thrown: unknown) => {
		const error = toError(thrown);
		throw new IngestError('E_CONFIG_INVALID', path, `${path} was not read: pdf.js could not be loaded (${error.message}); reinstall precis with its optional dependencies (npm ci, without --omit=optional), since pdf.js needs @napi-rs/canvas`, {cause: error});
	});
	const task = getDocument({
		data: new Uint8Array(bytes),
		cMapUrl: `${_pdfjsRoot}cmaps/`,
		cMapPacked: true,
		standardFontDataUrl: `${_pdfjsRoot}standard_fonts/`,
		disableFontFace: true,
		fontExtraProperties: false,
		isEvalSupported: false,
		isOffscreenCanvasSupported: false,
		useSystemFonts: false,
		useWasm: false,
		enableXfa: false,
		stopAtErrors: false,
		verbosity: 0,
	});
	try {
		return await task.promise;
	} catch (thrown) {
		await task.destroy();
		const error = toError(thrown);
		if (error.name === 'PasswordException') {
			throw new IngestError('E_ENCRYPTED', path, `${path} is password-protected; remove the password or export an unprotected copy`, {cause: error});
		}
		throw new IngestError('E_PARSE_FAILED', path, `${path} could not be parsed as a PDF (${error.message}); the file may be corrupt or truncated, re-export or repair it`, {cause: error});
	}
}
