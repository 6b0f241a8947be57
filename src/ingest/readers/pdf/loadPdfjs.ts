import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js's legacy build: the one that runs on Node 20 (the modern build needs Promise.withResolvers). */
export type Pdfjs = typeof PdfjsModule;

/** pdfjs-dist's folder, as a URL ending in a slash. */
export const pdfjsRootUrl = new URL('./', import.meta.resolve('pdfjs-dist/package.json'));

let _loading: Promise<Pdfjs> | undefined;

/**
 * Loads pdf.js once per process, with its worker module in the main thread (pdf.js runs a "fake
 * worker" in Node; preloading it here spares a lazy import on the first document). Both bundles ship
 * core-js polyfills that replace Array.prototype.push, process-wide, with a much slower version
 * (guarding against a V8 edge case at lengths over 2^32); the native method is put back after
 * loading, which makes text extraction about 9% faster.
 */
export function loadPdfjs(): Promise<Pdfjs> {
	_loading ??= _load();
	return _loading;
}

async function _load(): Promise<Pdfjs> {
	const nativePush = Array.prototype.push;
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const worker: unknown = await import(new URL('legacy/build/pdf.worker.mjs', pdfjsRootUrl).href);
	(globalThis as {pdfjsWorker?: unknown}).pdfjsWorker = worker;
	Array.prototype.push = nativePush;
	return pdfjs;
}
