import {IngestError} from '../../../errors.js';
import type {ReaderContext, ReaderResult} from '../../SourceDocument.js';
import {decodeText} from './decodeText.js';

/**
 * Share of characters, beyond a couple, that may be control characters (C0 other than tab, line
 * feed, carriage return and form feed; DEL; C1) or U+FFFD before the bytes count as binary. Text
 * with a few stray ones passes and loses them; decoded binary has far more (over one in ten for
 * random bytes).
 */
const _maxControlShare = 0.02;
const _strayControls = 2;
/** NULs are stricter: they never occur in text that was decoded right. */
const _maxNulShare = 0.001;

/**
 * Reads bytes that are neither PDF nor DOCX as plain text (Markdown kept as it is) into one
 * page: the encoding is detected (see {@link decodeText}), line endings become `\n`, stray
 * control characters go, and the title is the first `# ` heading if the text starts with one.
 * Bytes that do not decode to text fail with E_UNSUPPORTED_FORMAT.
 */
export async function readText(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {path, limits} = context;
	const {text: decoded, encoding} = decodeText(bytes);
	if (_looksBinary(decoded)) {
		throw new IngestError('E_UNSUPPORTED_FORMAT', path, `${path} is not a PDF, DOCX or text file (its bytes are binary); convert it to one of those formats`);
	}
	const text = decoded
		.replace(/\r\n?/g, '\n')
		.replaceAll('\f', '\n')
		// eslint-disable-next-line no-control-regex -- stripping control characters is the point
		.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]|^\ufeff/g, '');
	if (text.trim() === '') {
		throw new IngestError('E_NO_TEXT', path, `${path} has no text; add text or skip the file`);
	}
	if (text.length > limits.maxTextChars) {
		throw new IngestError('E_TOO_LARGE', path, `${path} has ${text.length} characters of text, over the limit of ${limits.maxTextChars}; raise extract.maxTextChars or split the file`);
	}
	const title = /^\s*# +(.*\S)/.exec(text)?.[1]?.replace(/\s+#+$/, '');
	const warnings = encoding === 'utf-8' || encoding === 'ascii' ? [] : [`decoded as ${encoding}`];
	return {pages: [{number: 1, text}], ...(title === undefined ? {} : {title}), warnings};
}

function _looksBinary(text: string): boolean {
	if (text.length === 0) return false;
	let controls = 0;
	let nuls = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 0) nuls++;
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) controls++;
	}
	return nuls > text.length * _maxNulShare + _strayControls || controls > text.length * _maxControlShare + _strayControls;
}
