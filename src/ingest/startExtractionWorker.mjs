/**
 * Entry of an extraction child process (see ExtractionPool). pdf.js is imported here, natively,
 * before tsx's loader is registered: under tsx its 2.5 MB of JavaScript is rewritten (dynamic
 * imports) with an inline source map on every process start, which took 1 to 2.5 s per worker
 * instead of about 0.15 s. The TypeScript worker is then loaded through tsx as usual; its own
 * `loadPdfjs()` finds both modules already evaluated.
 * Both pdf.js bundles replace Array.prototype.push with a slower polyfill when evaluated; the native
 * method is put back, as loadPdfjs does.
 */
import {register} from 'tsx/esm/api';

const nativePush = Array.prototype.push;
try {
	await import('pdfjs-dist/legacy/build/pdf.mjs');
	globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
} catch {
	// pdf.js cannot load in this installation: text and DOCX are still read, and loadPdfjs fails each PDF with the reason.
} finally {
	Array.prototype.push = nativePush;
}
register();
await import('./extractionWorker.ts');
