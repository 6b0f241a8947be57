/**
 * Scans made from known text, for OCR tests and the OCR benchmark: text is set in a PDF with
 * pdf-lib, each page rendered to an image with pdf.js on @napi-rs/canvas (as a scanner would
 * capture it: optionally skewed, out of focus or with speckle noise), and the images put back into an
 * image-only PDF, or written as PNG, JPEG or TIFF files.
 */
import {createRequire} from 'node:module';
import type * as NapiCanvas from '@napi-rs/canvas';
import type {Canvas} from '@napi-rs/canvas';
import {PDFDocument, StandardFonts} from 'pdf-lib';
import UTIF from 'utif2';
import {loadPdfjs} from '../../src/ingest/readers/pdf/loadPdfjs.js';
import {openPdfDocument} from '../../src/ingest/readers/pdf/openPdfDocument.js';
import {wrapText} from '../lib/wrapText.js';

/**
 * @napi-rs/canvas as pdf.js loads it (with require): under tsx an `import` of it loads the addon a
 * second time, whose Path2D pdf.js's canvas does not accept.
 */
const {createCanvas} = createRequire(import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'))('@napi-rs/canvas') as typeof NapiCanvas;

export interface TextPageOptions {
	/** Page width and height in points. */
	size: [number, number];
	fontSize: number;
}

/** Fixed dates and producer, so that the files are the same on every run. */
export async function newPdfDocument(): Promise<PDFDocument> {
	const document = await PDFDocument.create();
	document.setCreationDate(new Date('2024-01-01T00:00:00Z'));
	document.setModificationDate(new Date('2024-01-01T00:00:00Z'));
	document.setProducer('precis makeOcrFixtures');
	document.setCreator('precis makeOcrFixtures');
	return document;
}

/** Adds one page to `document` with `text` set in Times at a one-inch (or narrower) margin. */
export async function addTextPage(document: PDFDocument, text: string, options: TextPageOptions): Promise<void> {
	const font = await document.embedFont(StandardFonts.TimesRoman);
	const [width, height] = options.size;
	const margin = Math.min(72, width / 10);
	const page = document.addPage([width, height]);
	const leading = options.fontSize * 1.3;
	wrapText(text, font, options.fontSize, width - 2 * margin).forEach((line, index) => {
		page.drawText(line, {x: margin, y: height - margin - options.fontSize - index * leading, size: options.fontSize, font});
	});
}

/** A PDF of one text page per entry of `texts`. */
export async function makeTextPdf(texts: readonly string[], options: TextPageOptions): Promise<Uint8Array> {
	const document = await newPdfDocument();
	for (const text of texts) await addTextPage(document, text, options);
	return document.save({useObjectStreams: false});
}

export interface ScanOptions {
	dpi: number;
	/** Rotation of the sheet on the scanner glass, in degrees. */
	skewDegrees?: number;
	/** Radius in pixels of a Gaussian blur, as a scan out of focus: with 6 at 300 DPI Tesseract reads 12-point text with a low confidence. */
	blurPixels?: number;
	/** Share of pixels turned to random black or white specks. */
	noise?: number;
}

/** Renders every page of a PDF to a canvas, as a scan of it at `dpi`. */
export async function scanPdf(bytes: Uint8Array, options: ScanOptions): Promise<Canvas[]> {
	await loadPdfjs();
	const document = await openPdfDocument(bytes, 'scan.pdf');
	const canvases: Canvas[] = [];
	try {
		for (let number = 1; number <= document.numPages; number++) {
			const page = await document.getPage(number);
			const viewport = page.getViewport({scale: options.dpi / 72});
			const canvas = createCanvas(Math.floor(viewport.width), Math.floor(viewport.height));
			await page.render({canvas: null, canvasContext: canvas.getContext('2d') as never, viewport}).promise;
			canvases.push(_degrade(canvas, options, number));
		}
	} finally {
		await document.destroy();
	}
	return canvases;
}

function _degrade(canvas: Canvas, options: ScanOptions, seed: number): Canvas {
	let result = canvas;
	if (options.skewDegrees !== undefined) {
		result = createCanvas(canvas.width, canvas.height);
		const context = result.getContext('2d');
		context.fillStyle = 'white';
		context.fillRect(0, 0, result.width, result.height);
		context.translate(result.width / 2, result.height / 2);
		context.rotate((options.skewDegrees * Math.PI) / 180);
		context.drawImage(canvas, -canvas.width / 2, -canvas.height / 2);
	}
	if (options.blurPixels !== undefined) {
		const sharp = result;
		result = createCanvas(sharp.width, sharp.height);
		const context = result.getContext('2d');
		context.fillStyle = 'white';
		context.fillRect(0, 0, result.width, result.height);
		context.filter = `blur(${options.blurPixels}px)`;
		context.drawImage(sharp, 0, 0);
	}
	if (options.noise !== undefined) {
		const context = result.getContext('2d');
		const pixels = context.getImageData(0, 0, result.width, result.height);
		const random = _mulberry32(seed);
		for (let index = 0; index < pixels.data.length; index += 4) {
			if (random() >= options.noise) continue;
			const value = random() < 0.5 ? 0 : 255;
			pixels.data.fill(value, index, index + 3);
		}
		context.putImageData(pixels, 0, 0);
	}
	return result;
}

/** A small seeded PRNG, so that noisy scans are the same on every run. */
function _mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Adds a page holding only `canvas` (as PNG, or JPEG when `jpeg`), sized for `dpi`. */
export async function addImagePage(document: PDFDocument, canvas: Canvas, dpi: number, jpeg = false): Promise<void> {
	const image = jpeg ? await document.embedJpg(canvas.toBuffer('image/jpeg', 75)) : await document.embedPng(canvas.toBuffer('image/png'));
	const width = (canvas.width * 72) / dpi;
	const height = (canvas.height * 72) / dpi;
	document.addPage([width, height]).drawImage(image, {x: 0, y: 0, width, height});
}

/** An image-only PDF of the scans: what a scanner's "scan to PDF" writes. */
export async function makeImagePdf(canvases: readonly Canvas[], dpi: number, jpeg = false): Promise<Uint8Array> {
	const document = await newPdfDocument();
	for (const canvas of canvases) await addImagePage(document, canvas, dpi, jpeg);
	return document.save({useObjectStreams: false});
}

/** A bilevel (1 bit per pixel, uncompressed) TIFF with one page per canvas, as fax and archive scanners write them. */
export function makeBilevelTiff(canvases: readonly Canvas[], dpi: number): Uint8Array {
	const strips = canvases.map(canvas => _packBits(canvas));
	const ifds = canvases.map((canvas, index) => ({
		t256: [canvas.width], t257: [canvas.height], t258: [1], t259: [1], t262: [0], t273: [0], t277: [1], t278: [canvas.height],
		t279: [strips[index]!.length], t282: [[dpi, 1]], t283: [[dpi, 1]], t296: [2],
	}));
	// The header's length does not depend on the offsets' values: encode once to learn it, then again.
	const headerLength = UTIF.encode(ifds as never).byteLength;
	let offset = headerLength;
	ifds.forEach((ifd, index) => {
		ifd.t273 = [offset];
		offset += strips[index]!.length;
	});
	const header = new Uint8Array(UTIF.encode(ifds as never));
	const file = new Uint8Array(offset);
	file.set(header);
	let at = headerLength;
	for (const strip of strips) {
		file.set(strip, at);
		at += strip.length;
	}
	return file;
}

/** Rows of 1-bit pixels, most significant bit first, 1 = black (WhiteIsZero). */
function _packBits(canvas: Canvas): Uint8Array {
	const {data} = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
	const rowBytes = Math.ceil(canvas.width / 8);
	const packed = new Uint8Array(rowBytes * canvas.height);
	for (let y = 0; y < canvas.height; y++) {
		for (let x = 0; x < canvas.width; x++) {
			if (data[(y * canvas.width + x) * 4]! < 128) packed[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
		}
	}
	return packed;
}
