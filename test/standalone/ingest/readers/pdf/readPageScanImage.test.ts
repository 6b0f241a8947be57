import {readFileSync} from 'node:fs';
import test from 'ava';
import type {PDFDocumentProxy, PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {loadPdfjs} from '../../../../../src/ingest/readers/pdf/loadPdfjs.js';
import {measurePagePaint} from '../../../../../src/ingest/readers/pdf/measurePagePaint.js';
import {openPdfDocument} from '../../../../../src/ingest/readers/pdf/openPdfDocument.js';
import {readPageScanImage} from '../../../../../src/ingest/readers/pdf/readPageScanImage.js';
import {renderPageImage, type PageImage} from '../../../../../src/ingest/readers/pdf/renderPageImage.js';

/** Fixtures made by scripts/makeOcrFixtures.ts. */
const fixtures = new URL('../../../../../fixtures/ocr/', import.meta.url);
const at300 = {dpi: 300, maxPixels: 40_000_000};

/** The scan image as ocrPdfPages takes it: from what measurePagePaint's walk of the operator list found. */
async function readScan(page: PDFPageProxy, options: typeof at300): Promise<PageImage | undefined> {
	return readPageScanImage(page, await measurePagePaint(page), options);
}

async function open(name: string): Promise<PDFDocumentProxy> {
	await loadPdfjs();
	return openPdfDocument(new Uint8Array(readFileSync(new URL(name, fixtures))), name);
}

test('a page that is one 300-DPI scan gives its image without rendering, the same pixels as rendering it', async t => {
	// scanned.pdf embeds PNG scans, skewed-noisy.pdf JPEG ones.
	for (const name of ['scanned.pdf', 'skewed-noisy.pdf']) {
		const document = await open(name);
		t.teardown(() => document.destroy());
		t.is(document.numPages, 2, name);
		for (let number = 1; number <= document.numPages; number++) {
			const page = await document.getPage(number);
			const direct = await readScan(page, at300);
			const rendered = await renderPageImage(document, page, at300);
			t.truthy(direct, `${name} page ${number} is read as a scan`);
			t.is(direct?.dpi, 300);
			t.deepEqual(direct?.image, rendered.image, `${name} page ${number}: the same gray image as rendering gives`);
		}
	}
});

test('any other page is left to rendering: a text layer, an image not filling the page, a resolution far from the wanted one', async t => {
	const mixed = await open('mixed.pdf');
	t.teardown(() => mixed.destroy());
	t.is(await readScan(await mixed.getPage(1), at300), undefined, 'a page of text');
	t.is((await measurePagePaint(await mixed.getPage(1))).onlyImage, undefined, 'a page of text has no only image');
	const scan = await mixed.getPage(2);
	t.deepEqual((await measurePagePaint(scan)).onlyImage?.matrix, [scan.view[2], 0, 0, scan.view[3], 0, 0], 'the scan is the page\'s only image, filling it');
	t.truthy(await readScan(await mixed.getPage(2), at300), 'the scanned page between');
	t.is(await readScan(await mixed.getPage(2), {...at300, dpi: 600}), undefined, 'a 300-DPI scan when 600 DPI is wanted');
	t.is(await readScan(await mixed.getPage(2), {...at300, maxPixels: 1000}), undefined, 'an image over the pixel budget');
	const giant = await open('giant-page.pdf');
	t.teardown(() => giant.destroy());
	t.is(await readScan(await giant.getPage(1), at300), undefined, 'a small image on a huge page');
});
