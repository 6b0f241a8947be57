import test from 'ava';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {ExtractionPool} from '../../../../src/ingest/ExtractionPool.js';
import {closeOcrEngine} from '../../../../src/ingest/ocr/useOcrEngine.js';
import {readDocument} from '../../../../src/ingest/readDocument.js';
import type {ExtractLimits, OcrOptions, SourceDocument} from '../../../../src/ingest/SourceDocument.js';
import {knownText} from '../../../../scripts/ocrFixtures/knownText.js';
import {measureWordRecall} from '../../../../scripts/ocrFixtures/measureWordRecall.js';

/** Fixtures made by scripts/makeOcrFixtures.ts from scripts/ocrFixtures/knownText.ts. */
const fixtures = new URL('../../../../fixtures/', import.meta.url);

function limits(ocr: Partial<OcrOptions> = {}): ExtractLimits {
	return {...DEFAULT_CONFIG.extract, ocr: {...DEFAULT_CONFIG.extract.ocr, ...ocr}};
}

function read(name: string, ocr: Partial<OcrOptions> = {}): Promise<SourceDocument> {
	return readDocument(new URL(name, fixtures).pathname, limits(ocr));
}

// One OCR engine serves the whole file, as in an extraction process; the tests share it serially.
// Closed at the end, not left to stop when idle: the file's process then ends 1 s sooner.
test.after.always(() => closeOcrEngine());

test.serial('an image-only PDF is read by OCR: every page marked, the known words recalled', async t => {
	const document = await read('ocr/scanned.pdf');
	t.is(document.format, 'pdf');
	t.deepEqual(document.pages.map(page => [page.number, page.ocr]), [[1, true], [2, true]]);
	document.pages.forEach((page, index) => {
		const recall = measureWordRecall(knownText.scannedPages[index]!, page.text);
		t.true(recall >= 0.95, `page ${page.number}: recall ${recall}\n${page.text}`);
		t.true(page.confidence! >= 80, `page ${page.number}: confidence ${page.confidence}`);
	});
	t.deepEqual(document.warnings, []);
});

test.serial('a skewed page and a noisy page are read too', async t => {
	const document = await read('ocr/skewed-noisy.pdf');
	const [skewed, noisy] = document.pages;
	t.true(measureWordRecall(knownText.skewedPage, skewed!.text) >= 0.95, skewed!.text);
	t.true(measureWordRecall(knownText.noisyPage, noisy!.text) >= 0.95, noisy!.text);
});

test.serial('in a mixed PDF only the scanned page is OCRed; the others keep their text layer', async t => {
	const document = await read('ocr/mixed.pdf');
	t.deepEqual(document.pages.map(page => page.ocr), [false, true, false]);
	t.is(document.pages[0]!.text.replace(/\s+/g, ' '), knownText.mixedTextLayer[0]!);
	t.is(document.pages[0]!.confidence, undefined);
	t.true(measureWordRecall(knownText.mixedScannedPage, document.pages[1]!.text) >= 0.95, document.pages[1]!.text);
	t.is(document.pages[2]!.text.replace(/\s+/g, ' '), knownText.mixedTextLayer[1]!);
});

test.serial('mode always OCRs pages that have a text layer as well', async t => {
	const document = await read('ocr/mixed.pdf', {mode: 'always'});
	t.deepEqual(document.pages.map(page => page.ocr), [true, true, true]);
	t.is(document.ocrDependence, 'ocr');
	t.true(measureWordRecall(knownText.mixedTextLayer[0]!, document.pages[0]!.text) >= 0.95, document.pages[0]!.text);
});

test.serial('mode off keeps the old behaviour: a scan fails with E_NO_TEXT, an image too', async t => {
	await t.throwsAsync(read('ocr/scanned.pdf', {mode: 'off'}), {code: 'E_NO_TEXT', message: /scanned\.pdf has no text layer and OCR is off \(extract\.ocr\.mode\); set it to auto/});
	await t.throwsAsync(read('ocr/page.png', {mode: 'off'}), {code: 'E_NO_TEXT', message: /page\.png is an image and OCR is off/});
});

test.serial('mode off names in one warning the pages auto would OCR, and says the text depends on OCR; a text layer costs no warning', async t => {
	const mixed = await read('ocr/mixed.pdf', {mode: 'off'});
	t.deepEqual(mixed.pages.map(page => [page.ocr, page.text === '']), [[false, false], [false, true], [false, false]]);
	t.deepEqual(mixed.warnings, ['page 2 has no text layer and OCR is off (extract.ocr.mode); set it to auto to read it']);
	t.is(mixed.ocrDependence, 'ocr');
	const typed = await read('pdf/two-column-paragraphs.pdf', {mode: 'off'});
	t.deepEqual(typed.warnings, []);
	t.is(typed.ocrDependence, 'text-layer');
});

test.serial('how a text depends on OCR: a text layer alone, a page OCRed, every page under always, an image; never a DOCX', async t => {
	t.is((await read('pdf/two-column-paragraphs.pdf')).ocrDependence, 'text-layer');
	t.is((await read('ocr/mixed.pdf')).ocrDependence, 'ocr');
	t.is((await read('ocr/page.png')).ocrDependence, 'ocr');
	t.is((await read('docx/headings-lists-table.docx')).ocrDependence, undefined);
});

test.serial('a page that OCR finds empty makes E_NO_TEXT say so', async t => {
	await t.throwsAsync(read('pdf/image-only.pdf'), {code: 'E_NO_TEXT', message: /image-only\.pdf has no text: no text found by OCR on 1 page$/});
});

test.serial('PNG and JPEG files are one-page documents, a TIFF one page per image', async t => {
	for (const name of ['ocr/page.png', 'ocr/page.jpg']) {
		const document = await read(name);
		t.is(document.format, 'image');
		t.is(document.pages.length, 1);
		t.like(document.pages[0], {number: 1, ocr: true});
		t.true(measureWordRecall(knownText.imagePage, document.text) >= 0.95, `${name}: ${document.text}`);
	}
	const tiff = await read('ocr/pages.tif');
	t.is(tiff.format, 'image');
	t.deepEqual(tiff.pages.map(page => page.number), [1, 2]);
	tiff.pages.forEach((page, index) => t.true(measureWordRecall(knownText.tiffPages[index]!, page.text) >= 0.95, page.text));
});

test.serial('an image declaring a gigantic size is refused before it is decoded', async t => {
	await t.throwsAsync(read('ocr/huge-declared.png'), {code: 'E_TOO_LARGE', message: /huge-declared\.png is a 100000×100000 image, over extract\.ocr\.maxPixels \(40000000\)/});
});

test.serial('a PDF page declaring a gigantic size is rendered within the pixel budget, with a warning', async t => {
	const document = await read('ocr/giant-page.pdf', {maxPixels: 4_000_000});
	t.true(measureWordRecall(knownText.imagePage, document.text) >= 0.9, document.text);
	t.is(document.warnings.length, 1);
	t.regex(document.warnings[0]!, /^page 1: rendered for OCR at 10 DPI instead of 300, to stay within extract\.ocr\.maxPixels \(4000000\)$/);
});

test('a language whose data package is missing fails before any document, naming the package', t => {
	const error = t.throws(() => new ExtractionPool({limits: limits({languages: ['eng', 'zzz']}), timeoutSeconds: 10, maxMemoryMb: 512}), {code: 'E_CONFIG_INVALID'});
	t.regex(error!.message, /extract\.ocr\.languages: expected a language whose data is installed, got "zzz": install it with `npm install @tesseract\.js-data\/zzz`/);
	t.notRegex(error!.message, /"eng"/);
	t.is((error as {hint?: string}).hint, 'npm install @tesseract.js-data/zzz');
	t.notThrows(() => new ExtractionPool({limits: limits({languages: ['zzz'], mode: 'off'}), timeoutSeconds: 10, maxMemoryMb: 512}));
});
