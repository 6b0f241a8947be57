import {readFileSync} from 'node:fs';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {readPdf} from '../../../../src/ingest/readers/pdf/readPdf.js';
import type {ExtractLimits, ReaderResult} from '../../../../src/ingest/SourceDocument.js';

/** Fixtures made by scripts/makePdfFixtures.ts. */
const fixtures = new URL('../../../../fixtures/pdf/', import.meta.url);

function read(name: string, limits: Partial<ExtractLimits> = {}): Promise<ReaderResult> {
	const path = new URL(name, fixtures);
	return readPdf(readFileSync(path), {path: path.pathname, limits: {...DEFAULT_CONFIG.extract, ...limits}});
}

function joined(result: ReaderResult): string {
	return result.pages.map(page => page.text).join('\n\n');
}

test('two interleaved columns read left column first; title and footer stay in place', async t => {
	const result = await read('two-column-interleaved.pdf');
	t.is(result.title, 'Column Order Study');
	t.deepEqual(result.warnings, []);
	const text = joined(result);
	const order = ['Column Order in Extracted Text', 'Reading order matters', 'only positions tell them apart', 'The left column ends here', 'runs on to the next', 'The right column starts here', 'would interleave them as well', 'Footer of the page'].map(phrase => text.indexOf(phrase));
	t.false(order.includes(-1), text);
	t.deepEqual(order, [...order].sort((left, right) => left - right), text);
	t.regex(text, /Reading order matters when a summary is made\s+from extracted text, because a sentence that\s+jumps between columns/);
	t.regex(text, /^Column Order in Extracted Text: A Small Study of Two Columns\n\n/);
	t.notRegex(text, /\t| {2}/);
});

test('running headers, "- N -" and "Page N of M" footers are removed; each page keeps its body', async t => {
	const result = await read('running-headers.pdf');
	t.is(result.title, undefined, 'a "Microsoft Word - file.docx" title is junk');
	t.deepEqual(result.pages.map(page => page.number), [1, 2, 3, 4, 5]);
	for (const page of result.pages) {
		t.notRegex(page.text, /Annual Report|Page \d of 5|- \d -/, `page ${page.number}`);
		t.regex(page.text.replace(/\s+/g, ' '), new RegExp(`body of page ${page.number}, the prose`), `page ${page.number}`);
	}
	t.true(result.pages[1]!.text.startsWith('Spring brought the survey itself'));
});

test('words hyphenated at line ends are rejoined, compounds keep their hyphen, a gap starts a paragraph', async t => {
	const text = joined(await read('hyphenation.pdf'));
	const flat = text.replace(/\s+/g, ' ');
	t.regex(flat, /the extraction of words/);
	t.regex(flat, /a well-known compound written mid-line/);
	t.regex(flat, /does a well-known one broken/, 'a line-end hyphen of a compound the document also uses mid-line is kept');
	t.regex(flat, /Anglo-Saxon keep/);
	t.regex(flat, /soft hyphenation at the end/);
	t.notRegex(text, /\u00AD/);
	t.regex(text, /joins up\.\n\nA second paragraph starts/);
	t.is(text.split('\n\n').length, 2);
});

test('a page whose content stream is corrupt becomes a warning and an empty page; the others are read', async t => {
	const result = await read('bad-page.pdf');
	t.is(result.pages.length, 3);
	t.is(result.warnings.length, 1);
	t.regex(result.warnings[0]!, /^page 2: \S/);
	t.is(result.pages[1]!.text, '');
	t.is(result.pages[0]!.text, 'Readable text on page 1 of the damaged document.');
	t.is(result.pages[2]!.text, 'Readable text on page 3 of the damaged document.');
});

test('an image-only PDF has no text layer: with OCR off it fails with E_NO_TEXT (OCR: ocr.test.ts)', async t => {
	const ocr = {...DEFAULT_CONFIG.extract.ocr, mode: 'off' as const};
	await t.throwsAsync(read('image-only.pdf', {ocr}), {code: 'E_NO_TEXT', message: /image-only\.pdf has no text layer and OCR is off \(extract\.ocr\.mode\); set it to auto to read scanned pages$/});
});

test('a file that is not a parseable PDF fails with E_PARSE_FAILED naming the file', async t => {
	const error = await t.throwsAsync(read('corrupt.pdf'), {code: 'E_PARSE_FAILED', message: /corrupt\.pdf could not be parsed/});
	t.is(error?.name, 'IngestError');
	t.false((error as {retryable?: boolean}).retryable);
});

test('documents over the page or text limits fail with E_TOO_LARGE', async t => {
	await t.throwsAsync(read('running-headers.pdf', {maxPages: 4}), {code: 'E_TOO_LARGE', message: /has 5 pages, over the limit of 4/});
	await t.throwsAsync(read('running-headers.pdf', {maxTextChars: 300}), {code: 'E_TOO_LARGE', message: /over 300 characters/});
	const result = await read('running-headers.pdf', {maxPages: 5});
	t.is(result.pages.length, 5);
});

test('the caller keeps its bytes: pdf.js gets a copy', async t => {
	const bytes = readFileSync(new URL('hyphenation.pdf', fixtures));
	const before = bytes.byteLength;
	await readPdf(bytes, {path: 'hyphenation.pdf', limits: DEFAULT_CONFIG.extract});
	t.is(bytes.byteLength, before);
	t.is(bytes.subarray(0, 5).toString(), '%PDF-');
});

for (const form of ['page-of', 'slash', 'dashes', 'plain', 'roman']) {
	test(`page numbers in the "${form}" form and odd/even headers carrying the number are removed from all 12 pages, full ones included`, async t => {
		const result = await read(`page-numbers-${form}.pdf`);
		t.is(result.pages.length, 12);
		for (const page of result.pages) {
			t.true(page.text.startsWith(`Body of page ${page.number} begins here.`), `page ${page.number} starts with: ${page.text.slice(0, 40)}`);
			t.true(page.text.endsWith(`Body of page ${page.number} ends here.`), `page ${page.number} ends with: ${page.text.slice(-40)}`);
			t.notRegex(page.text, /Orchard Survey|Methods and Results/, `page ${page.number}`);
		}
	});
}

test('two columns that start at the same height under a full-width title: the left column is read first from its first line', async t => {
	const text = joined(await read('two-column-from-top.pdf'));
	t.regex(text, /^Terms of the Licence Printed in Two Columns\n\nReading order matters when a summary is made\nfrom extracted text, because a sentence that jumps\n/u);
	const order = ['Reading order matters', 'The left column ends with this sentence.', 'The right column starts here', 'discussion with material', 'The right column ends with this sentence.'].map(phrase => text.indexOf(phrase));
	t.false(order.includes(-1), text);
	t.deepEqual(order, [...order].sort((left, right) => left - right), text);
});

for (const kind of ['ruled', 'unruled']) {
	test(`a ${kind} table is read row by row, its cells separated by |`, async t => {
		const text = joined(await read(`table-${kind}.pdf`));
		t.true(text.includes('Region | Q1 sales | Q2 sales | Change\nNorth | 1,200 | 1,350 | +12.5%\nSouth | 980 | 1,020 | +4.1%\nEast | 1,410 | 1,395 | -1.1%\nWest coast | 760 | 905 | +19.1%'), text);
		t.regex(text, /^Sales by region for the first half of the year are shown below\.\n/u, 'the paragraph above is no table row');
		t.regex(text, /\nThe western region grew fastest over the half year\.$/u, 'nor the one below');
	});
}

test('a table whose cells hold wrapped prose is read row by row, each cell whole, not column by column', async t => {
	const text = joined(await read('table-prose-cells.pdf'));
	t.is(text, [
		'The reader offers four settings, compared in the table below.',
		'',
		'Setting of the reader | What it changes | When to choose it',
		'Fast reading of simple pages | Skips the layout checks and reads each page in the order of its content stream. | For plain letters and memos set in a single column.',
		'Careful reading of every layout | Places every line by its position and rebuilds columns, tables and paragraphs. | For reports, articles and forms whose layout carries meaning.',
		'Scanned pages read as images | Reads the page image by optical character recognition. | When a page has no text layer at all, as with faxes.',
		'Mixed mode for bundles of files | Uses the text layer where it exists and recognition elsewhere, page by page. | For bundles that join typed and scanned documents.',
		'',
		'Careful reading is the default for every document.',
	].join('\n'));
});

test('two columns of paragraphs from the top, their paragraphs starting at different heights, are read by columns, not as a table', async t => {
	const text = joined(await read('two-column-paragraphs.pdf'));
	t.false(text.includes(' | '), text);
	const order = ['Reading order matters', 'positions tell them apart.', 'A reader that follows the stream', 'The left column ends with this sentence.', 'The right column starts here', 'would interleave them as well.', 'The right column ends with this sentence.'].map(phrase => text.indexOf(phrase));
	t.false(order.includes(-1), text);
	t.deepEqual(order, [...order].sort((left, right) => left - right), text);
});
