import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {strToU8, unzipSync, zipSync} from 'fflate';
import {chunkText} from '../../../../src/chunk/chunkText.js';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {readDocx} from '../../../../src/ingest/readers/docx/readDocx.js';
import type {ReaderContext, ReaderResult} from '../../../../src/ingest/SourceDocument.js';
import {countWordTokens} from '../../chunk/testTokenizers.js';

const fixtures = fileURLToPath(new URL('../../../../fixtures/docx/', import.meta.url));
const limits = DEFAULT_CONFIG.extract;

function readFixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(fixtures + name));
}

function context(name: string, overrides: Partial<ReaderContext['limits']> = {}): ReaderContext {
	return {path: `fixtures/docx/${name}`, limits: {...limits, ...overrides}};
}

async function readFixtureText(name: string): Promise<{result: ReaderResult; text: string}> {
	const result = await readDocx(readFixture(name), context(name));
	return {result, text: result.pages.map(page => page.text).join('\n\n')};
}

test('headings, lists and tables become light Markdown on one page', async t => {
	const {result, text} = await readFixtureText('headings-lists-table.docx');
	t.is(result.pages.length, 1);
	t.is(result.pages[0]?.number, 1);
	const lines = text.split('\n');
	t.true(lines.includes('# Quarterly Report'), 'Title style is a level-1 heading');
	t.true(lines.includes('# Introduction'));
	t.true(lines.includes('## Highlights'));
	t.true(text.includes('- First bullet\n  - Nested bullet\n- Second bullet'), 'nested bullet indented under its parent');
	t.true(text.includes('1. Step one\n2. Step two'));
	t.true(text.includes('| Region | Q1 | Q2 |\n| --- | --- | --- |\n| North | 10 | 12 |\n| South | 7 (revised) | 8 |'), 'a Markdown table: one line per row, the first row its header');
	t.true(text.includes('\n\nRevenue grew & costs fell by < 5% this quarter.\n\n'), 'entities decoded, paragraphs separated by a blank line');
	t.true(text.includes('A hyphenated word and a line\nbreak.'), 'soft hyphen removed, <br> kept as a line break');
	t.false(text.includes('\u00ad'));
	t.false(text.includes('CONFIDENTIAL RUNNING HEADER'), 'headers are not body text');
	t.is(result.title, 'Quarterly Report Q3');
	t.deepEqual(result.warnings, []);
});

test('footnotes and endnotes are kept under Notes, comments are left out', async t => {
	const {text} = await readFixtureText('footnotes-endnotes.docx');
	t.true(text.startsWith('Body text with a footnote[1] and an endnote[2].'));
	t.true(text.includes('\n\n# Notes\n\n[1] The footnote explains the source.\n\n[2] The endnote adds a remark.'));
	t.true(text.includes('Commented sentence.'));
	t.false(text.includes('SECRET REVIEWER COMMENT'));
	t.false(text.includes('↑'), 'no back-links from notes');
});

test('tracked changes read as accepted: insertions in, deletions and moved-from text out', async t => {
	const {text} = await readFixtureText('tracked-changes.docx');
	t.true(text.includes('Kept text INSERTED ends here.'));
	t.false(text.includes('DELETED'));
	t.is(text.split('MOVED SENTENCE').length - 1, 1, 'moved text appears once, at its destination');
	t.true(text.indexOf('Reformatted text') < text.indexOf('MOVED SENTENCE'));
	t.true(text.includes('| Kept row | stays |'));
});

test('text boxes, ruby and Strict OOXML are read', async t => {
	t.is((await readFixtureText('text-box.docx')).text, 'Before the box.\n\nText inside the box.');
	t.is((await readFixtureText('ruby.docx')).text, '東京 (とうきょう)に行きます。');
	const strict = await readFixtureText('strict.docx');
	t.is(strict.text, 'Strict OOXML body text.');
	t.is(strict.result.title, 'Strict document');
});

test('a DOCX without body text fails with E_NO_TEXT', async t => {
	await t.throwsAsync(readDocx(readFixture('empty.docx'), context('empty.docx')), {code: 'E_NO_TEXT', message: /empty\.docx has no text/});
});

test('the file name does not matter: a DOCX named .pdf reads the same', async t => {
	const {text} = await readFixtureText('not-really.pdf');
	t.is(text, (await readFixtureText('headings-lists-table.docx')).text);
});

test('a password-protected DOCX (CFB with EncryptedPackage) fails with E_ENCRYPTED', async t => {
	await t.throwsAsync(readDocx(readFixture('encrypted-package.docx'), context('encrypted-package.docx')), {code: 'E_ENCRYPTED', message: /password/});
});

test('a legacy .doc (CFB without EncryptedPackage) fails with E_UNSUPPORTED_FORMAT and says to save as .docx', async t => {
	await t.throwsAsync(readDocx(readFixture('legacy-word.doc'), context('legacy-word.doc')), {code: 'E_UNSUPPORTED_FORMAT', message: /save it as \.docx/});
});

test('truncated and corrupt archives fail with E_PARSE_FAILED and a one-line message', async t => {
	const bytes = readFixture('headings-lists-table.docx');
	const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.6));
	const error = await t.throwsAsync(readDocx(truncated, context('truncated.docx')), {code: 'E_PARSE_FAILED'});
	t.false(error.message.includes('\n'));
	t.true(error.message.startsWith('fixtures/docx/truncated.docx'));

	const corrupt = bytes.slice();
	const documentAt = Buffer.from(corrupt).indexOf('word/document.xml') + 'word/document.xml'.length;
	corrupt.fill(0xff, documentAt + 10, documentAt + 60);
	await t.throwsAsync(readDocx(corrupt, context('corrupt-deflate.docx')), {code: 'E_PARSE_FAILED'});
});

test('a ZIP that is no Word package fails with E_PARSE_FAILED', async t => {
	const zip = zipSync({'notes.txt': strToU8('hello'), 'word/readme.xml': strToU8('<a/>')});
	await t.throwsAsync(readDocx(zip, context('other.zip')), {code: 'E_PARSE_FAILED', message: /not a Word document/});
});

test('a package whose XML is not well formed fails with E_PARSE_FAILED', async t => {
	const parts = unzipSync(readFixture('headings-lists-table.docx'));
	parts['word/document.xml'] = strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>');
	await t.throwsAsync(readDocx(zipSync(parts), context('broken-xml.docx')), {code: 'E_PARSE_FAILED'});
});

test('text beyond maxTextChars fails with E_TOO_LARGE', async t => {
	await t.throwsAsync(readDocx(readFixture('headings-lists-table.docx'), context('headings-lists-table.docx', {maxTextChars: 100})), {code: 'E_TOO_LARGE', message: /extract\.maxTextChars/});
});

test('XML beyond maxUnzippedBytes fails with E_TOO_LARGE, counted while inflating even when declared sizes lie', async t => {
	const parts = unzipSync(readFixture('headings-lists-table.docx'));
	parts['word/document.xml'] = strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p><w:r><w:t>padding</w:t></w:r></w:p>'.repeat(50_000)}</w:body></w:document>`);
	const zip = zipSync(parts, {level: 9});
	await t.throwsAsync(readDocx(zip, context('padded.docx', {maxUnzippedBytes: 1_000_000})), {code: 'E_TOO_LARGE', message: /extract\.maxUnzippedBytes/});

	// Lie in every central directory record: claim each entry inflates to 10 bytes.
	const lying = zip.slice();
	const view = new DataView(lying.buffer);
	for (let position = 0; position + 4 <= lying.length; position++) {
		if (view.getUint32(position, true) === 0x02014b50) view.setUint32(position + 24, 10, true);
	}
	await t.throwsAsync(readDocx(lying, context('lying.docx', {maxUnzippedBytes: 1_000_000})), {code: 'E_TOO_LARGE'});
	const read = await readDocx(lying, context('lying.docx'));
	t.true(read.pages[0]!.text.startsWith('padding\n\npadding'), 'with the limit raised, the same archive reads');
});

test('an archive listing too many entries fails with E_TOO_LARGE', async t => {
	const parts: Record<string, Uint8Array> = unzipSync(readFixture('headings-lists-table.docx'));
	for (let index = 0; index < 10_001; index++) parts[`customXml/item${index}.bin`] = new Uint8Array(0);
	await t.throwsAsync(readDocx(zipSync(parts, {level: 0}), context('many-entries.docx')), {code: 'E_TOO_LARGE', message: /ZIP entries/});
});

test('absurdly deep nesting fails with E_PARSE_FAILED instead of crashing the reader', async t => {
	const parts = unzipSync(readFixture('headings-lists-table.docx'));
	const depth = 5000;
	parts['word/document.xml'] = strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p><w:r><w:t>deep</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}</w:body></w:document>`);
	await t.throwsAsync(readDocx(zipSync(parts), context('deep.docx')), {code: 'E_PARSE_FAILED'});
});

test('a heading that falls at a chunk boundary opens the next chunk', async t => {
	const {text} = await readFixtureText('heading-at-chunk-boundary.docx');
	const chunks = chunkText(text, {maxTokens: 95, countTokens: countWordTokens});
	t.true(chunks.length >= 2);
	for (const chunk of chunks) t.notRegex(chunk.text, /#{1,6} [^\n]*$/u, `chunk ${chunk.index} ends with a heading`);
	t.true(chunks[1]!.text.startsWith('## Method\n\n'), chunks[1]!.text.slice(0, 40));
	t.deepEqual(chunks[1]!.headings, ['Background', 'Method']);
});
