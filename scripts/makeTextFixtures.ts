/**
 * Writes the text fixtures under fixtures/text/, each named after the case it covers: encodings
 * (with and without byte-order marks), Markdown, stray control characters, and binary data named
 * .txt. Run: `npx tsx scripts/makeTextFixtures.ts`.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {crc32, deflateSync} from 'node:zlib';
import iconv from 'iconv-lite';

const _outDir = join(import.meta.dirname, '..', 'fixtures', 'text');

const _european = [
	'Les élèves ont étudié à l’école près du marché; déjà très âgé, le maître était ravi.',
	'Die Straße in Köln war voller Grüße, während die Bürger über Äpfel und Öl sprachen.',
	'El señor pidió una canción en el salón; ¿quién sabía que mañana llovería?',
].join('\n');
const _japanese = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。';
const _russian = 'Москва — столица России. Летом в парках много людей, а зимой все катаются на коньках и лыжах.\nДети читают книги и пишут письма бабушке.';

/** Deterministic pseudo-random bytes (xorshift32), so the fixtures are reproducible. */
function _randomBytes(length: number, seed: number): Uint8Array {
	const bytes = new Uint8Array(length);
	let state = seed;
	for (let index = 0; index < length; index++) {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		bytes[index] = state & 0xff;
	}
	return bytes;
}

function _pngChunk(type: string, data: Uint8Array): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A real 32x32 RGB PNG of noise. */
function _makePng(): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(32, 0);
	header.writeUInt32BE(32, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const rows = Buffer.alloc(32 * (1 + 32 * 3));
	const noise = _randomBytes(rows.length, 7);
	for (let index = 0; index < rows.length; index++) rows[index] = index % (1 + 32 * 3) === 0 ? 0 : noise[index]!;
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), _pngChunk('IHDR', header), _pngChunk('IDAT', deflateSync(rows)), _pngChunk('IEND', new Uint8Array(0))]);
}

/** The start of a 64-bit ELF executable: header, zero padding, code-like noise and a string table. */
function _makeElf(): Buffer {
	const header = Buffer.alloc(64);
	header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
	header.writeUInt16LE(2, 16);
	header.writeUInt16LE(0x3e, 18);
	return Buffer.concat([header, Buffer.alloc(448), _randomBytes(2048, 11), Buffer.from('\0.text\0.data\0.bss\0.shstrtab\0main\0printf\0', 'latin1')]);
}

const _fixtures: Record<string, Uint8Array> = {
	'utf8-accents.txt': Buffer.from(`${_european}\n${_russian}\n`, 'utf8'),
	'utf8-bom-crlf.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('First line\r\nSecond line\r\nOld Mac line\rLast line\r\n', 'utf8')]),
	'utf16be-bom.txt': iconv.encode(`${_european}\n${_russian}\n`, 'utf-16be', {addBOM: true}),
	'utf16le-nobom.txt': iconv.encode(`Plain notes in UTF-16 without a byte-order mark.\n${_european}\n`, 'utf-16le', {addBOM: false}),
	'latin1.txt': iconv.encode(`${_european.replace('’', "'")}\n`, 'latin1'),
	'cp1251.txt': iconv.encode(`${_russian}\n`, 'windows-1251'),
	'shift-jis.txt': iconv.encode(`${_japanese}\n`, 'Shift_JIS'),
	'markdown-headings.md': Buffer.from('# Project Notes\n\nIntro paragraph.\n\n## Goals\n\n- Ship the reader\n- Test it\n\n## Risks\n\nNone known.\n', 'utf8'),
	'markdown-late-heading.md': Buffer.from('An opening paragraph without a heading.\n\n# A Later Heading\n\nMore text.\n', 'utf8'),
	'stray-controls.txt': Buffer.from('A report with a bell \u0007 and an escape \u001b[0m in the middle of ordinary prose.\nIt ends with a DOS end-of-file mark, as old files do.\n\u001a', 'latin1'),
	'whitespace-only.txt': Buffer.from(' \n\t\n  \r\n', 'latin1'),
	'binary-garbage.txt': _randomBytes(4096, 42),
	'png-image.txt': _makePng(),
	'elf-binary.txt': _makeElf(),
};

mkdirSync(_outDir, {recursive: true});
for (const [name, bytes] of Object.entries(_fixtures)) {
	writeFileSync(join(_outDir, name), bytes);
	console.log(`${name}: ${bytes.length} bytes`);
}
