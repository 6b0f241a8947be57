import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {readText} from '../../../../src/ingest/readers/text/readText.js';
import type {ReaderContext, ReaderResult} from '../../../../src/ingest/SourceDocument.js';

const fixtures = fileURLToPath(new URL('../../../../fixtures/text/', import.meta.url));
const limits = DEFAULT_CONFIG.extract;
const european = [
	'Les élèves ont étudié à l’école près du marché; déjà très âgé, le maître était ravi.',
	'Die Straße in Köln war voller Grüße, während die Bürger über Äpfel und Öl sprachen.',
	'El señor pidió una canción en el salón; ¿quién sabía que mañana llovería?',
].join('\n');
const russian = 'Москва — столица России. Летом в парках много людей, а зимой все катаются на коньках и лыжах.\nДети читают книги и пишут письма бабушке.';

function context(name: string, overrides: Partial<ReaderContext['limits']> = {}): ReaderContext {
	return {path: `fixtures/text/${name}`, limits: {...limits, ...overrides}};
}

async function readFixture(name: string): Promise<ReaderResult & {text: string}> {
	const result = await readText(new Uint8Array(readFileSync(fixtures + name)), context(name));
	assertOnePage(result);
	return {...result, text: result.pages[0]!.text};
}

function assertOnePage(result: ReaderResult): void {
	if (result.pages.length !== 1 || result.pages[0]?.number !== 1) throw new Error('expected one page numbered 1');
}

/** Whether text has C0 controls other than tab, line feed and carriage return, DEL or C1 controls. */
function hasControls(text: string): boolean {
	return [...text].some(char => {
		const code = char.charCodeAt(0);
		return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
	});
}

/** What every decoded text must satisfy. */
function assertClean(t: ExecutionContext, text: string): void {
	t.false(text.includes('\ufffd'), 'no replacement characters');
	t.false(text.includes('\0'), 'no NULs');
	t.false(text.includes('\r'), 'line endings normalised');
	t.false(text.startsWith('\ufeff'), 'no byte-order mark');
}

test('valid UTF-8 is read as UTF-8, whatever a guesser might say', async t => {
	const {text, warnings} = await readFixture('utf8-accents.txt');
	t.is(text, `${european}\n${russian}\n`);
	t.deepEqual(warnings, []);
	assertClean(t, text);
});

test('a UTF-8 byte-order mark is dropped and CRLF and CR line endings become LF', async t => {
	const {text} = await readFixture('utf8-bom-crlf.txt');
	t.is(text, 'First line\nSecond line\nOld Mac line\nLast line\n');
});

test('UTF-16BE with a byte-order mark and UTF-16LE without one are decoded', async t => {
	const be = await readFixture('utf16be-bom.txt');
	t.is(be.text, `${european}\n${russian}\n`);
	t.deepEqual(be.warnings, ['decoded as utf-16be']);
	const le = await readFixture('utf16le-nobom.txt');
	t.is(le.text, `Plain notes in UTF-16 without a byte-order mark.\n${european}\n`);
	assertClean(t, be.text);
	assertClean(t, le.text);
});

test('legacy 8-bit encodings are detected: Latin-1 and Windows-1251', async t => {
	const latin = await readFixture('latin1.txt');
	t.is(latin.text, `${european.replace('’', "'")}\n`);
	const cyrillic = await readFixture('cp1251.txt');
	t.is(cyrillic.text, `${russian}\n`);
	t.deepEqual(cyrillic.warnings, ['decoded as windows-1251']);
});

test('legacy CJK encodings are detected: Shift_JIS', async t => {
	const {text, warnings} = await readFixture('shift-jis.txt');
	t.is(text, '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\n');
	t.deepEqual(warnings, ['decoded as shift_jis']);
});

test('Markdown stays as it is; the title is the first # heading only when the text starts with it', async t => {
	const notes = await readFixture('markdown-headings.md');
	t.is(notes.title, 'Project Notes');
	t.is(notes.text, readFileSync(fixtures + 'markdown-headings.md', 'utf8'));
	const late = await readFixture('markdown-late-heading.md');
	t.is(late.title, undefined);
	t.true(late.text.includes('\n# A Later Heading\n'));
	t.is((await readFixture('latin1.txt')).title, undefined);
});

test('a few stray control characters are stripped, not fatal', async t => {
	const {text} = await readFixture('stray-controls.txt');
	t.true(text.startsWith('A report with a bell  and an escape [0m in the middle'));
	t.false(hasControls(text));
});

for (const name of ['binary-garbage.txt', 'png-image.txt', 'elf-binary.txt']) {
	test(`binary data named .txt is refused with E_UNSUPPORTED_FORMAT: ${name}`, async t => {
		await t.throwsAsync(readFixture(name), {code: 'E_UNSUPPORTED_FORMAT', message: `fixtures/text/${name} is not a PDF, DOCX or text file (its bytes are binary); convert it to one of those formats`});
	});
}

test('whitespace-only text fails with E_NO_TEXT', async t => {
	await t.throwsAsync(readFixture('whitespace-only.txt'), {code: 'E_NO_TEXT'});
});

test('text beyond maxTextChars fails with E_TOO_LARGE', async t => {
	const bytes = new Uint8Array(readFileSync(fixtures + 'utf8-accents.txt'));
	await t.throwsAsync(readText(bytes, context('utf8-accents.txt', {maxTextChars: 100})), {code: 'E_TOO_LARGE', message: /extract\.maxTextChars/});
});

test('a UTF-8 sequence cut off at the very end still reads as UTF-8', async t => {
	const bytes = Buffer.from('Grüße aus Köln — bis bald', 'utf8');
	const result = await readText(new Uint8Array(bytes.subarray(0, bytes.length - 1 - ' bis bald'.length)), context('cut.txt'));
	t.is(result.pages[0]?.text, 'Grüße aus Köln ');
});

test('property: any Unicode text encoded as UTF-8, UTF-8 with BOM or UTF-16 with BOM round-trips', async t => {
	const printable = fc.string({unit: 'grapheme', minLength: 1, maxLength: 200}).filter(text => !hasControls(text) && !/[\r\ufffd\ufeff]/.test(text) && text.trim() !== '');
	await fc.assert(
		fc.asyncProperty(printable, fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'), async (text, encoding) => {
			const bytes = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding === 'utf-8-bom' ? 'utf-8' : encoding, {addBOM: true});
			const result = await readText(new Uint8Array(bytes), context('property.txt'));
			return result.pages[0]?.text === text;
		}),
		{numRuns: 300},
	);
	t.pass();
});

test('property: random bytes with many controls are never accepted as text', async t => {
	// Bytes that open with a byte-order mark declare UTF-8 or UTF-16, where 0x00 and 0x01 are halves of ordinary
	// characters ("FE FF 01 00 00 20" is "Ā "): such input can be text, so it is left out (about 0.5 % of runs hit one).
	const declaresEncoding = (bytes: Uint8Array) => [[0xfe, 0xff], [0xff, 0xfe], [0xef, 0xbb, 0xbf]].some(mark => mark.every((byte, index) => bytes[index] === byte));
	const binary = fc.uint8Array({minLength: 64, maxLength: 2048}).filter(bytes => !declaresEncoding(bytes) && bytes.filter(byte => byte < 9 || (byte > 13 && byte < 32)).length > bytes.length * 0.1);
	await fc.assert(
		fc.asyncProperty(binary, async bytes => {
			const error = await readText(bytes, context('random.bin')).then(() => undefined, (caught: unknown) => caught);
			return (error as {code?: string} | undefined)?.code === 'E_UNSUPPORTED_FORMAT';
		}),
		{numRuns: 200},
	);
	t.pass();
});
