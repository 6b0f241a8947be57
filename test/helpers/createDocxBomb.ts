import {readFileSync} from 'node:fs';
import {constants, crc32, deflateRawSync} from 'node:zlib';
import {unzipSync, Zip, ZipDeflate, ZipPassThrough} from 'fflate';

const _mebibyte = 1024 * 1024;

/**
 * A ZIP entry whose data is pushed already deflated: it counts the size and CRC (natively: a
 * gigabyte in JavaScript takes seconds) of the plain chunks pushed, and writes the matching
 * compressed bytes instead.
 */
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
 * A DOCX whose word/document.xml inflates to `mebibytes` MiB of paragraphs while the archive stays
 * around a megabyte: one MiB of XML is deflated once with a full flush (byte-aligned, no references
 * back), so the same compressed block can be repeated; a final empty block ends the stream. The
 * other parts come from the DOCX `template`.
 */
export function createDocxBomb(template: string, mebibytes: number): Uint8Array {
	const paragraph = '<w:p><w:r><w:t>bomb</w:t></w:r></w:p>';
	const block = Buffer.from(paragraph.repeat(Math.floor(_mebibyte / paragraph.length)));
	const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
	const tail = Buffer.from('</w:body></w:document>');
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
	document.push(head);
	for (let index = 0; index < mebibytes; index++) document.push(block);
	document.push(tail, true);
	zip.end();
	return Buffer.concat(chunks);
}
