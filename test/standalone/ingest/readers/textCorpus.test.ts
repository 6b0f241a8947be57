import {readFileSync} from 'node:fs';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {readText} from '../../../../src/ingest/readers/text/readText.js';
import type {ReaderResult} from '../../../../src/ingest/SourceDocument.js';
import {corpusDir, hasCorpus, readCorpusManifest} from '../../../helpers/readCorpusManifest.js';


async function readCorpusText(file: string): Promise<ReaderResult & {text: string; milliseconds: number}> {
	const bytes = new Uint8Array(readFileSync(corpusDir + file));
	const started = performance.now();
	const result = await readText(bytes, {path: file, limits: DEFAULT_CONFIG.extract});
	return {...result, text: result.pages.map(page => page.text).join('\n\n'), milliseconds: performance.now() - started};
}

if (!hasCorpus) {
	// Declared skipped, not passed: the shared corpus is absent.
	test.skip(`text corpus (no corpus at ${corpusDir})`, () => undefined);
} else {
	const entries = readCorpusManifest().filter(entry => entry.file.startsWith('text/'));

	test('the manifest lists text cases, including ones that need decoding', t => {
		t.true(entries.length >= 6);
		t.true(entries.some(entry => entry.expected === 'needs-decoding'));
	});

	for (const entry of entries) {
		test(`${entry.file}: ${entry.expected}`, async t => {
			t.true(['ok', 'needs-decoding'].includes(entry.expected));
			const {text, pages, milliseconds} = await readCorpusText(entry.file);
			t.log(`${text.length} chars in ${milliseconds.toFixed(0)} ms`);
			t.is(pages.length, 1);
			t.true(text.trim().length > 500);
			t.false(['\0', '\r', '\ufffd', '\ufeff'].some(char => text.includes(char)), 'no NUL, CR, U+FFFD or BOM');
		});
	}

	test('text/cp1251-utf16le.txt: Russian in UTF-16LE decodes to Cyrillic', async t => {
		const {text, warnings} = await readCorpusText('text/cp1251-utf16le.txt');
		t.true(text.startsWith('The following table shows Windows-1251.'));
		t.true(/[\u0410-\u044f]{10}/.test(text.replace(/\s/g, '')), 'a run of Cyrillic letters');
		t.deepEqual(warnings, ['decoded as utf-16le']);
	});

	test('text/multi-language.txt: Windows-1252 text decodes with its accents', async t => {
		const {text, warnings} = await readCorpusText('text/multi-language.txt');
		t.true(text.includes('Port ABC não contabilize'));
		t.true(text.includes('Port ABC doação uno negócios'));
		t.true(text.includes('español ABC adhoc prácticas'));
		t.deepEqual(warnings, ['decoded as windows-1252']);
	});

	test('text/MANUAL.txt: Markdown keeps its headings; front matter is no # heading, so no title', async t => {
		const {text, title} = await readCorpusText('text/MANUAL.txt');
		t.true(text.startsWith('---\ntitle: Pandoc User'));
		t.true(text.includes('\n# Synopsis\n'));
		t.is(title, undefined);
	});
}
