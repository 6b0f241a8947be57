/**
 * Writes the OCR fixtures under fixtures/ocr/ from known text (scripts/ocrFixtures/knownText.ts):
 * `npx tsx scripts/makeOcrFixtures.ts`. Each is text -> PDF -> page images at 300 DPI -> an
 * image-only PDF or an image file; small pages keep the files small and the tests fast.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {encodeGrayPng} from './lib/encodeGrayPng.js';
import {knownText} from './ocrFixtures/knownText.js';
import {addImagePage, addTextPage, makeBilevelTiff, makeImagePdf, makeTextPdf, newPdfDocument, scanPdf, type TextPageOptions} from './ocrFixtures/makeScans.js';

const folder = new URL('../fixtures/ocr/', import.meta.url);
const dpi = 300;
/** 5 × 3.5 inches: room for a short paragraph. */
const smallPage: TextPageOptions = {size: [360, 252], fontSize: 12};

function write(name: string, bytes: Uint8Array): void {
	writeFileSync(new URL(name, folder), bytes);
}

async function scan(texts: readonly string[], options: {skewDegrees?: number; blurPixels?: number; noise?: number; page?: TextPageOptions} = {}) {
	return scanPdf(await makeTextPdf(texts, options.page ?? smallPage), {dpi, ...options});
}

/** Two clean scanned pages, no text layer. */
async function makeScanned(): Promise<void> {
	write('scanned.pdf', await makeImagePdf(await scan(knownText.scannedPages), dpi));
}

/** A page turned by 2 degrees and a page with 0.5% speckle noise, stored as JPEG (as many scanners do). */
async function makeSkewedNoisy(): Promise<void> {
	const skewed = await scan([knownText.skewedPage], {skewDegrees: 2});
	const noisy = await scan([knownText.noisyPage], {noise: 0.005});
	write('skewed-noisy.pdf', await makeImagePdf([...skewed, ...noisy], dpi, true));
}

/** A clean scanned page, then one out of focus (blurred by 6 pixels): only page 2 should get a low-confidence warning. */
async function makeLowConfidence(): Promise<void> {
	const [clean, blurred] = knownText.lowConfidencePages;
	const pages = [...await scan([clean!]), ...await scan([blurred!], {blurPixels: 6})];
	write('low-confidence.pdf', await makeImagePdf(pages, dpi, true));
}

/** Text layer, scanned page, text layer: only page 2 should be OCRed. */
async function makeMixed(): Promise<void> {
	const document = await newPdfDocument();
	const [first, last] = knownText.mixedTextLayer;
	await addTextPage(document, first!, smallPage);
	const [scanned] = await scan([knownText.mixedScannedPage]);
	await addImagePage(document, scanned!, dpi);
	await addTextPage(document, last!, smallPage);
	write('mixed.pdf', await document.save({useObjectStreams: false}));
}

/** The same page as PNG and JPEG, and a two-page bilevel TIFF of short lines. */
async function makeImages(): Promise<void> {
	const [page] = await scan([knownText.imagePage], {page: {size: [360, 144], fontSize: 12}});
	write('page.png', page!.toBuffer('image/png'));
	write('page.jpg', page!.toBuffer('image/jpeg', 80));
	const tiffPages = await scan(knownText.tiffPages, {page: {size: [288, 72], fontSize: 14}});
	write('pages.tif', makeBilevelTiff(tiffPages, dpi));
}

/** A 74-byte PNG whose header declares 100000 × 100000 pixels: refused before decoding. */
function makeHugeDeclaredPng(): void {
	write('huge-declared.png', encodeGrayPng(100_000, 100_000, new Uint8Array(1000)));
}

/** A page declaring 200 × 200 inches (a 3.6-gigapixel render at 300 DPI), holding a small scan. */
async function makeGiantPage(): Promise<void> {
	const [page] = await scan([knownText.imagePage], {page: {size: [360, 144], fontSize: 12}});
	const document = await newPdfDocument();
	const image = await document.embedPng(page!.toBuffer('image/png'));
	document.addPage([14_400, 14_400]).drawImage(image, {x: 0, y: 0, width: 14_400, height: 5760});
	write('giant-page.pdf', await document.save({useObjectStreams: false}));
}

mkdirSync(folder, {recursive: true});
await makeScanned();
await makeSkewedNoisy();
await makeLowConfidence();
await makeMixed();
await makeImages();
makeHugeDeclaredPng();
await makeGiantPage();
