import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Decoded text and the encoding it was read as. */
export interface DecodedText {
	text: string;
	encoding: string;
}

const _boms: ReadonlyArray<{bytes: readonly number[]; encoding: string}> = [
	{bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8'},
	{bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le'},
	{bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be'},
	{bytes: [0xff, 0xfe], encoding: 'utf-16le'},
	{bytes: [0xfe, 0xff], encoding: 'utf-16be'},
];
/** Bytes looked at when guessing; enough for chardet and the NUL pattern, cheap on big files. */
const _sampleBytes = 65_536;
/** Latin-1 is a misreport for Windows-1252 in practice: the latter only adds printable characters. */
const _preferred: Readonly<Record<string, string>> = {'ISO-8859-1': 'windows-1252'};

/**
 * Decodes bytes whose encoding is unknown. In order: a byte-order mark (UTF-8, UTF-16, UTF-32;
 * the mark is dropped); UTF-16 without a mark, told by NULs in every other byte; valid UTF-8
 * (which always wins over guessing; a sequence cut off at the very end is tolerated); then the
 * legacy 8-bit or CJK encodings chardet ranks highest, keeping the first that iconv-lite can
 * decode without U+FFFD, and Windows-1252 as the last resort. Whether the result is text at
 * all is the caller's decision.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	const bom = _boms.find(candidate => candidate.bytes.every((byte, index) => bytes[index] === byte));
	if (bom !== undefined) return _decodeWith(bytes.subarray(bom.bytes.length), bom.encoding);
	const utf16 = _detectUtf16(bytes.subarray(0, _sampleBytes));
	if (utf16 !== undefined) return _decodeWith(bytes, utf16);
	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes, {stream: true}), encoding: 'utf-8'};
	} catch {
		// Not UTF-8: guess below.
	}
	const guesses = chardet
		.analyse(bytes.subarray(0, _sampleBytes))
		.map(match => _preferred[match.name] ?? match.name)
		.filter(name => !/^UTF-/i.test(name) && iconv.encodingExists(name));
	for (const encoding of guesses) {
		const decoded = _decodeWith(bytes, encoding);
		if (!decoded.text.includes('\ufffd')) return decoded;
	}
	return _decodeWith(bytes, 'windows-1252');
}

function _decodeWith(bytes: Uint8Array, encoding: string): DecodedText {
	const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {stripBOM: true});
	return {text, encoding: encoding.toLowerCase()};
}

/**
 * UTF-16 without a byte-order mark: Latin-script text has a NUL as the high byte of most code
 * units, so NULs cluster on odd offsets (little-endian) or even ones (big-endian) and almost
 * never on the other. Binary data that happens to match decodes to control characters, which the
 * caller rejects.
 */
function _detectUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const pairs = Math.floor(sample.length / 2);
	if (pairs < 2) return undefined;
	let evenNuls = 0;
	let oddNuls = 0;
	for (let index = 0; index < pairs * 2; index += 2) {
		if (sample[index] === 0) evenNuls++;
		if (sample[index + 1] === 0) oddNuls++;
	}
	if (oddNuls >= pairs * 0.2 && evenNuls <= pairs * 0.01) return 'utf-16le';
	if (evenNuls >= pairs * 0.2 && oddNuls <= pairs * 0.01) return 'utf-16be';
	return undefined;
}
