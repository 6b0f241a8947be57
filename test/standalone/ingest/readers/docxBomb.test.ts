import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {constants, crc32, deflateRawSync} from 'node:zlib';
import test from 'ava';
import {unzipSync, Zip, ZipDeflate, ZipPassThrough} from 'fflate';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {readDocx} from '../../../../src/ingest/readers/docx/readDocx.js';

const fixture = fileURLToPath(new URL('../../../../fixtures/docx/headings-lists-table.docx', import.meta.url));
const mebibyte = 1024 * 1024;

/**
 * A ZIP entry whose data is pushed already deflated: it counts the size and CRC (natively: a
 * gigabyte in JavaScript takes seconds) of the plain chunks pushed, and writes the matching
 * compressed bytes instead.
 */
class PrecompressedEntry extends ZipPassThrough {
	private crcState = 0;

	constructor(name: string, private readonly compressed: (chunk: Uint8Array, final: boolean) => Uint8Array) {
		super(name);
		this.compression = 8;
	}

	override push(chunk: Uint8Array, final = false): void {
		this.crcState = crc32(chunk, this.crcState);
		this.size += chunk.length;
		if (final) this.crc = this.crcState;
		this.ondata(null, this.compressed(chunk, final) as Uint8Array<ArrayBuffer>, final);
	}
}

/**
 * A DOCX whose word/document.xml inflates to `mebibytes` MiB of paragraphs while the archive stays
 * around a megabyte: one MiB of XML is deflated once with a full flush (byte-aligned, no references
 * back), so the same compressed block can be repeated; a final empty block ends the stream.
 */
function makeBomb(mebibytes: number): Uint8Array {
	const paragraph = '<w:p><w:r><w:t>bomb</w:t></w:r></w:p>';
	const block = Buffer.from(paragraph.repeat(Math.floor(mebibyte / paragraph.length)));
	const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
	const tail = Buffer.from('</w:body></w:document>');
	const flush = (data: Uint8Array) => deflateRawSync(data, {finishFlush: constants.Z_FULL_FLUSH});
	const compressedBlock = flush(block);
	const chunks: Uint8Array[] = [];
	const zip = new Zip((error, chunk) => {
		if (error) throw error;
		chunks.push(chunk);
	});
	for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(fixture))))) {
		if (name === 'word/document.xml') continue;
		const entry = new ZipDeflate(name);
		zip.add(entry);
		entry.push(data, true);
	}
	const document = new PrecompressedEntry('word/document.xml', (chunk, final) => (final ? deflateRawSync(chunk) : chunk === block ? compressedBlock : flush(chunk)));
	zip.add(document);
	document.push(head);
	for (let index = 0; index < mebibytes; index++) document.push(block);
	document.push(tail, true);
	zip.end();
	return Buffer.concat(chunks);
}

test('a DOCX whose XML inflates to a gigabyte is refused with E_TOO_LARGE within seconds and bounded memory', async t => {
	const started = performance.now();
	const bomb = makeBomb(1024);
	t.log(`bomb: ${(bomb.length / mebibyte).toFixed(2)} MiB on disk, ~1 GiB inflated; built in ${(performance.now() - started).toFixed(0)} ms`);
	t.true(bomb.length < 4 * mebibyte);

	const rssBefore = process.memoryUsage().rss;
	const peakBefore = process.resourceUsage().maxRSS * 1024;
	const cpuBefore = process.cpuUsage();
	const readStarted = performance.now();
	await t.throwsAsync(readDocx(bomb, {path: 'bomb.docx', limits: DEFAULT_CONFIG.extract}), {code: 'E_TOO_LARGE', message: /bomb\.docx unpacks to over 268435456 bytes \(at word\/document\.xml\)/});
	const seconds = (performance.now() - readStarted) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	const peakAfter = process.resourceUsage().maxRSS * 1024;
	t.log(`refused after ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s CPU); RSS before ${(rssBefore / mebibyte).toFixed(0)} MiB, peak before ${(peakBefore / mebibyte).toFixed(0)} MiB, peak after ${(peakAfter / mebibyte).toFixed(0)} MiB`);
	// CPU time, not wall time: the bound must hold on a machine shared with other work.
	t.true(cpuSeconds < 10, `took ${cpuSeconds.toFixed(2)} s of CPU`);
	t.true(peakAfter - rssBefore < 128 * mebibyte, `peak RSS grew by ${((peakAfter - rssBefore) / mebibyte).toFixed(0)} MiB`);
});

test('the same construction under the limit is a real document: the bomb test measures refusal, not a broken file', async t => {
	const small = makeBomb(1);
	const result = await readDocx(small, {path: 'small-bomb.docx', limits: DEFAULT_CONFIG.extract});
	const text = result.pages[0]!.text;
	t.true(text.startsWith('bomb\n\nbomb'));
	t.is(text.split('\n\n').length, Math.floor(mebibyte / '<w:p><w:r><w:t>bomb</w:t></w:r></w:p>'.length));
	await t.throwsAsync(readDocx(small, {path: 'small-bomb.docx', limits: {...DEFAULT_CONFIG.extract, maxUnzippedBytes: mebibyte}}), {code: 'E_TOO_LARGE'});
});
