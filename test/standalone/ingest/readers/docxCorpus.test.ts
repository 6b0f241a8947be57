import {readFileSync} from 'node:fs';
import test, {type ExecutionContext} from 'ava';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {readDocx} from '../../../../src/ingest/readers/docx/readDocx.js';
import {corpusDir, hasCorpus, readCorpusManifest} from '../../../helpers/readCorpusManifest.js';


const errorCodes: Record<string, string> = {'no-text': 'E_NO_TEXT', error: 'E_PARSE_FAILED', 'encrypted-needs-password': 'E_ENCRYPTED'};

/** Reads a corpus DOCX, returning its text and how long the read took, in wall-clock and CPU time. */
async function readCorpusText(file: string): Promise<{text: string; title: string | undefined; milliseconds: number; cpuMilliseconds: number}> {
	const bytes = new Uint8Array(readFileSync(corpusDir + file));
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	const result = await readDocx(bytes, {path: file, limits: DEFAULT_CONFIG.extract});
	const cpu = process.cpuUsage(cpuBefore);
	return {text: result.pages.map(page => page.text).join('\n\n'), title: result.title, milliseconds: performance.now() - started, cpuMilliseconds: (cpu.user + cpu.system) / 1000};
}

if (!hasCorpus) {
	// Declared skipped, not passed: the shared corpus is absent.
	test.skip(`DOCX corpus (no corpus at ${corpusDir})`, () => undefined);
} else {
	const entries = readCorpusManifest().filter(entry => entry.file.endsWith('.docx'));

	test('the manifest lists the DOCX cases this file checks', t => {
		t.true(entries.filter(entry => entry.file.startsWith('docx/')).length >= 20);
		t.true(entries.some(entry => entry.expected === 'encrypted-needs-password'));
	});

	for (const entry of entries) {
		test.serial(`${entry.file}: ${entry.expected} (${entry.kind})`, async t => {
			const code = errorCodes[entry.expected];
			if (code !== undefined) {
				const error = await t.throwsAsync(readCorpusText(entry.file), {code});
				t.false(error.message.includes('\n'), 'one-line message');
				t.true(error.message.includes(entry.file), 'message names the file');
				return;
			}
			t.is(entry.expected, 'ok');
			const {text, milliseconds, cpuMilliseconds} = await readCorpusText(entry.file);
			t.log(`${text.length} chars in ${milliseconds.toFixed(0)} ms (${cpuMilliseconds.toFixed(0)} ms CPU)`);
			t.true(text.trim().length >= 4, 'has text');
			t.false(/[\u00ad\ufffd]/.test(text), 'no soft hyphens or replacement characters');
			t.false(/\n{3,}/.test(text), 'blocks are separated by exactly one blank line');
		});
	}

	const expectations: Array<[string, (t: ExecutionContext, text: string, title: string | undefined) => void]> = [
		['docx/delins.docx', (t, text) => {
			t.true(text.includes('March 2009: Apache Tika Release'), 'insertion kept');
			t.true(text.includes('Lucene Boot Camp - A two day training session, March 23 & 24th'));
			t.false(text.includes('Maang Tika'), 'deletion dropped');
			t.false(text.includes('DragonLance'), 'deletion dropped');
		}],
		['docx/track_changes_move.docx', (t, text) => {
			t.is(text, 'Here is some text.\n\nHere is the text to be moved.\n\nHere is some more text.');
		}],
		['docx/text-box.docx', (t, text) => t.is(text, 'Datum plane')],
		['docx/strict-format.docx', (t, text) => t.is(text, 'Test')],
		['docx/testWORD_phonetic.docx', (t, text) => t.true(text.includes('東京 (とうきょう)'))],
		['docx/testOptionalHyphen.docx', (t, text) => t.is(text, 'optionalhyphen')],
		['docx/doc-odd-even-hdrs.docx', (t, text) => {
			t.is(text, 'First Page.\n\nSecond Page.');
		}],
		['docx/comments.docx', (t, text) => {
			t.true(text.includes('I want some text to have a comment on it.'));
			t.false(/I left a comment|Do something/.test(text), 'comment text left out');
		}],
		['docx/testWORD_various.docx', (t, text) => {
			t.true(text.includes('- Bullet 1\n- Bullet 2\n- Bullet 3'));
			t.true(text.includes('1. Number bullet 1\n2. Number bullet 2'));
			t.true(text.includes('| Row 1 Col 1 | Row 1 Col 2 | Row 1 Col 3 |\n| --- | --- | --- |\n| Row 2 Col 1 | Row 2 Col 2 | Row 2 Col 3 |'));
			t.true(text.includes('Here is a text box'));
			t.is(text.split('Here is a text box').length - 1, 1, 'text box read once (not from both AlternateContent branches)');
			t.true(text.includes('Footnote appears here[1]'));
			t.true(text.endsWith('# Notes\n\n[1] This is a footnote.'));
			t.false(/header text|footer text/.test(text), 'no headers or footers');
		}],
		['docx/testWORD_endnote_table.docx', (t, text) => {
			t.true(/# Notes\n\n\[1\] Endnote Test/.test(text));
		}],
		['docx/i18n_blocks.docx', (t, text) => {
			t.true(text.startsWith('# This is Heading 1\n\n## This is Heading 2\n\n'));
			t.true(text.includes('- This is list item 1\n- This is list item 2'));
		}],
		['docx/testWORD_2006ml.docx', (t, text, title) => {
			t.is(title, 'My Document Title');
			t.true(text.includes('\n# Heading1\n'));
			t.true(text.includes('[1] And this is the footnote'));
			t.true(text.includes('[2] This is an endnote'));
		}],
		['docx/bug65649.docx', (t, text, title) => {
			t.is(title, 'ЧАСТЬ II');
			t.true(text.includes('Сумма контракта | 39 921 700,00 руб.'));
			t.true(text.split('\n').filter(line => line.includes(' | ')).length > 500, 'table rows kept as rows');
		}],
		['docx/stress010.docx', (t, _text, title) => t.is(title, undefined, 'a template file name is no title')],
	];
	for (const [file, check] of expectations) {
		test.serial(`${file}: content`, async t => {
			const {text, title} = await readCorpusText(file);
			check(t, text, title);
		});
	}
}
