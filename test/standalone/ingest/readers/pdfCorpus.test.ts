import {readFileSync} from 'node:fs';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {isPipelineError} from '../../../../src/errors.js';
import {closeOcrEngine} from '../../../../src/ingest/ocr/useOcrEngine.js';
import {readPdf} from '../../../../src/ingest/readers/pdf/readPdf.js';
import type {ReaderResult} from '../../../../src/ingest/SourceDocument.js';
import {corpusDir, hasCorpus, readCorpusManifest} from '../../../helpers/readCorpusManifest.js';


function read(file: string): Promise<ReaderResult> {
	return readPdf(readFileSync(corpusDir + file), {path: file, limits: DEFAULT_CONFIG.extract});
}

function joined(result: ReaderResult): string {
	return result.pages.map(page => page.text).join('\n\n');
}

/** What a damaged file may give: some text, or one of these typed errors. */
const damageCodes = new Set(['E_PARSE_FAILED', 'E_NO_TEXT', 'E_TOO_LARGE']);
const expectedCodes: Record<string, string> = {'no-text': 'E_NO_TEXT', 'encrypted-needs-password': 'E_ENCRYPTED', 'resource-exhaustion': 'E_TOO_LARGE'};

if (!hasCorpus) {
	// Declared skipped, not passed: the shared corpus is absent.
	test.skip(`PDF corpus (no corpus at ${corpusDir})`, () => undefined);
} else {
	const entries = readCorpusManifest().filter(entry => entry.file.endsWith('.pdf'));
	// Scans are read by OCR (extract.ocr.mode auto, the default), with one engine for the whole file,
	// closed at the end rather than left to stop when idle (1 s later).
	test.after.always(() => closeOcrEngine());

	test('the manifest lists the PDF cases this file checks', t => {
		t.true(entries.length >= 45);
		for (const expected of ['ok', 'ok-encrypted-empty-pw', 'encrypted-needs-password', 'no-text', 'ocr', 'resource-exhaustion', 'error']) {
			t.true(entries.some(entry => entry.expected === expected), expected);
		}
	});

	for (const entry of entries) {
		test.serial(`${entry.file}: ${entry.expected} (${entry.kind})`, async t => {
			const code = expectedCodes[entry.expected];
			if (code !== undefined) {
				const error = await t.throwsAsync(read(entry.file), {code});
				t.true(error?.message.startsWith(entry.file));
				if (code === 'E_ENCRYPTED') t.regex(error!.message, /is password-protected; remove the password or export an unprotected copy$/);
				return;
			}
			if (entry.expected === 'ocr') {
				// A scan: its text comes only from OCR.
				const result = await read(entry.file);
				t.true(result.pages.every(page => page.ocr), 'every page OCRed');
				t.true((joined(result).match(/[A-Za-z]{3,}/g) ?? []).length >= 3, joined(result));
				return;
			}
			if (['ok', 'ok-encrypted-empty-pw', 'xfa-placeholder'].includes(entry.expected)) {
				const result = await read(entry.file);
				t.true(joined(result).trim().length > 0);
				t.true(result.pages.every((page, index) => page.number === index + 1));
				t.notRegex(joined(result), /\t|-- \d+ of \d+ --/);
				return;
			}
			// Damaged ('ok-recoverable', 'partial', 'error-or-partial', 'error') or 'garbled': text or a typed error.
			try {
				const result = await read(entry.file);
				t.true(result.pages.length > 0);
				t.not(entry.expected, 'error', 'a file expected to fail gave text; check the manifest');
			} catch (error) {
				t.true(isPipelineError(error) && damageCodes.has(error.code), String(error));
			}
		});
	}

	test.serial('kampo.pdf: Japanese through the CMaps, all 2,635 non-space characters pdftotext finds', async t => {
		const result = await read('pdf/kampo.pdf');
		const text = joined(result).replace(/\s/g, '');
		t.true(text.length >= 2500, `${text.length} characters`);
		t.true(text.includes('道路交通法施行令の一部を改正する政令'));
	});

	test.serial('freeculture.pdf: running headers, printer slugs and page numbers are gone', async t => {
		const result = await read('pdf/freeculture.pdf');
		t.is(result.pages.length, 352);
		const text = joined(result);
		t.true(text.length > 600_000);
		t.true((text.match(/FREE CULTURE/g) ?? []).length <= 5, 'the even-page header is printed on ~170 pages');
		t.notRegex(text, /r9jm\.qxd/);
		for (const page of result.pages.slice(20)) { // past the table of contents, whose entries end in numbers
			const lines = page.text.split('\n');
			t.notRegex(`${lines[0]}\n${lines.at(-1)}`, /^\d+$/m, `page ${page.number} starts or ends with a page number`);
		}
		t.regex(text.replace(/\s+/g, ' '), /Since the inception of the law regulating creative property, there has been a war against “piracy\.”/);
	});

	test.serial('TAMReview.pdf and i1040nr.pdf: repeated footers and "Page N of 48" headers are removed', async t => {
		const tam = joined(await read('pdf/TAMReview.pdf'));
		t.true((tam.match(/Sprouts - http:\/\/sprouts\.aisnet\.org\/9-37/g) ?? []).length <= 1);
		const nr = await read('pdf/i1040nr.pdf');
		const text = joined(nr);
		t.notRegex(text, /Page \d+ of 48/);
		t.true(nr.pages.filter(page => page.text.startsWith('Instructions for Form 1040NR')).length === 0);
	});

	test.serial('two-column papers read column by column: sentences run on across the column break', async t => {
		const trace = joined(await read('pdf/tracemonkey.pdf')).replace(/\s+/g, ' ');
		t.regex(trace, /The result is a native code fragment that can be entered if the interpreter PC and the types of values match/);
		t.regex(trace, /Dynamic languages such as JavaScript are more difficult to compile than statically typed ones\. Since no concrete type information is available/);
		const multicolumn = joined(await read('pdf/multicolumn.pdf'));
		t.regex(multicolumn, /^Two-Column Document with Lorem Ipsum\n/);
		const naacl = joined(await read('pdf/naacl06-shinyama.pdf')).replace(/\s+/g, ' ');
		t.regex(naacl, /We implemented a preliminary system for this technique and obtained reasonably good performance\./);
	});

	test.serial('ligatures are expanded and soft hyphens removed', async t => {
		const ligatures = joined(await read('pdf/copy_paste_ligatures.pdf'));
		t.notRegex(ligatures, /[\uFB00-\uFB06]/);
		t.regex(ligatures, /ff|fi|fl/);
		const soft = joined(await read('pdf/testOptionalHyphen.pdf'));
		t.notRegex(soft, /\u00AD/);
	});

	test.serial('poppler-90-0-fuzzed.pdf: two corrupt pages become warnings, the other 14 pages are read', async t => {
		const result = await read('bad/poppler-90-0-fuzzed.pdf');
		t.is(result.pages.length, 16);
		t.deepEqual(result.warnings.map(warning => warning.split(':')[0]), ['page 12', 'page 16']);
	});

	test.serial('bomb_giant.pdf is refused before pdf.js decodes it', async t => {
		await t.throwsAsync(read('bad/bomb_giant.pdf'), {code: 'E_TOO_LARGE', message: /JBIG2 stream that decodes to a 100000×100000 bitmap/});
	});

	test.serial('the title comes from the metadata when it names something', async t => {
		t.is((await read('pdf/TAMReview.pdf')).title, 'Overview of the Technology Acceptance Model: Origins, Developments and Future Directions');
		t.is((await read('pdf/freeculture.pdf')).title, 'Free Culture');
	});
}
