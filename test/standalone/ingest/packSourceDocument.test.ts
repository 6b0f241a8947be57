import {fileURLToPath} from 'node:url';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {packSourceDocument, unpackSourceDocument} from '../../../src/ingest/packSourceDocument.js';
import {readDocument} from '../../../src/ingest/readDocument.js';
import type {SourceDocument} from '../../../src/ingest/SourceDocument.js';

const _fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));

for (const name of ['pdf/sentence-across-pages.pdf', 'pdf/hyphenation.pdf', 'samples/field-report.pdf', 'samples/quarterly-report.docx', 'samples/project-notes.md']) {
	test(`a stored ${name} unpacks to the document extraction gave, its joined text and page offsets included`, async t => {
		const document = await readDocument(_fixture(name), DEFAULT_CONFIG.extract);
		const unpacked = unpackSourceDocument(packSourceDocument(document), document.path, document.sha256);
		t.deepEqual(unpacked, document);
	});
}

test('OCR flags and confidences, warnings, how the text depends on OCR and a missing title survive packing; the path is the reader\'s', t => {
	const pages = [{number: 1, text: 'A scanned page, read by OCR.', ocr: true, confidence: 71.5}, {number: 2, text: 'and its text layer', ocr: false}];
	const document: SourceDocument = {
		path: '/in/scan.pdf', format: 'pdf', sha256: 'abc', bytes: 1234, pages, warnings: ['page 1: low OCR confidence'], ocrDependence: 'ocr',
		text: 'A scanned page, read by OCR.\n\nand its text layer', pageStarts: [0, 30],
	};
	const packed = packSourceDocument(document);
	t.deepEqual(unpackSourceDocument(packed, '/in/scan.pdf', 'abc'), document);
	t.like(unpackSourceDocument(packed, '/other/copy.pdf', 'abc'), {path: '/other/copy.pdf', pages: [{ocr: true, confidence: 71.5}, {ocr: false}]});
});
