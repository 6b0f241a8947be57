import {readFileSync, writeFileSync} from 'node:fs';
import {constants, crc32, deflateRawSync} from 'node:zlib';
import {unzipSync, Zip, ZipDeflate, ZipPassThrough} from 'fflate';

const _mebibyte = 1024 * 1024;

/** A ZIP entry pushed already deflated: size and CRC count the plain chunks, the data written is the compressed bytes. */
class _PrecompressedEntry extends ZipPassThrough {
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
 * Writes a DOCX whose word/document.xml inflates to `mebibytes` MiB while the file stays around a
 * megabyte (the construction of test/standalone/ingest/readers/docxBomb.test.ts): one MiB of
 * paragraphs deflated once with a full flush, repeated. The other parts come from `template`.
 */
export function writeDocxBomb(file: string, template: string, mebibytes: number): void {
	const paragraph = '<w:p><w:r><w:t>bomb</w:t></w:r></w:p>';
	const block = Buffer.from(paragraph.repeat(Math.floor(_mebibyte / paragraph.length)));
	const flush = (data: Uint8Array): Uint8Array => deflateRawSync(data, {finishFlush: constants.Z_FULL_FLUSH});
	const compressedBlock = flush(block);
	const chunks: Uint8Array[] = [];
	const zip = new Zip((error, chunk) => {
		if (error) throw error;
		chunks.push(chunk);
	});
	for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(template))))) {
		if (name === 'word/document.xml') continue;
		const entry = new ZipDeflate(name);
		zip.add(entry);
		entry.push(data, true);
	}
	const document = new _PrecompressedEntry('word/document.xml', (chunk, final) => (final ? deflateRawSync(chunk) : chunk === block ? compressedBlock : flush(chunk)));
	zip.add(document);
	document.push(Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'));
	for (let index = 0; index < mebibytes; index++) document.push(block);
	document.push(Buffer.from('</w:body></w:document>'), true);
	zip.end();
	writeFileSync(file, Buffer.concat(chunks));
}
