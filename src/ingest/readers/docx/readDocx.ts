import {strFromU8, strToU8, zipSync} from 'fflate';
import mammoth from 'mammoth';
import {IngestError} from '../../../errors.js';
import type {ReaderContext, ReaderResult} from '../../SourceDocument.js';
import {assertNotOleContainer} from './assertNotOleContainer.js';
import {convertHtmlToMarkdown} from './convertHtmlToMarkdown.js';
import {decodeEntities} from './decodeEntities.js';
import {prepareWordXml} from './prepareWordXml.js';
import {readZipEntries} from './readZipEntries.js';

/** Most entries a DOCX archive may list; real documents have tens. */
const _maxEntries = 10_000;

/** Word styles mammoth does not map by default that still carry structure. */
const _styleMap = [
	"p[style-name='Title'] => h1:fresh",
	"p[style-name='heading 7'] => h6:fresh",
	"p[style-name='heading 8'] => h6:fresh",
	"p[style-name='heading 9'] => h6:fresh",
];

/** Images are never read: the reader wants text, and their bytes were not even unzipped. */
const _skipImage = mammoth.images.imgElement(async () => ({src: ''}));

/**
 * Reads a DOCX into one page of light Markdown (headings, lists, tables, then footnotes and
 * endnotes under `# Notes`), with tracked changes accepted, comments, headers and footers left
 * out, and the title taken from docProps/core.xml. Only the archive's XML parts are unzipped,
 * under `limits.maxUnzippedBytes` counted while inflating. A password-protected DOCX (an OLE/CFB
 * container) fails with E_ENCRYPTED, a legacy .doc with E_UNSUPPORTED_FORMAT, a damaged archive
 * with E_PARSE_FAILED, a document without body text with E_NO_TEXT.
 */
export async function readDocx(bytes: Uint8Array, context: ReaderContext): Promise<ReaderResult> {
	const {path, limits} = context;
	assertNotOleContainer(bytes, path);
	const parts = readZipEntries(bytes, {
		path,
		maxUnzippedBytes: limits.maxUnzippedBytes,
		maxEntries: _maxEntries,
		select: name => /\.(xml|rels)$/i.test(name),
	});
	if (!parts.has('[Content_Types].xml')) {
		throw new IngestError('E_PARSE_FAILED', path, `${path} is a ZIP file but not a Word document ([Content_Types].xml is missing); save it as .docx from Word`);
	}
	_prepareParts(parts);
	let text: string;
	let messages: string[];
	try {
		const result = await mammoth.convertToHtml({buffer: Buffer.from(zipSync(Object.fromEntries(parts), {level: 0}))}, {styleMap: _styleMap, convertImage: _skipImage});
		messages = result.messages.filter(message => message.type === 'error').map(message => message.message);
		text = convertHtmlToMarkdown(result.value).replaceAll('\u00ad', '');
	} catch (error) {
		// Also catches a stack overflow on absurdly deep nesting, in mammoth or in the conversion.
		throw new IngestError('E_PARSE_FAILED', path, `${path} could not be parsed as a Word document (${_firstLine(error)}); open it in Word and save it again`, {cause: error});
	}
	if (text.trim() === '') {
		throw new IngestError('E_NO_TEXT', path, `${path} has no text in its body; add text or skip the file`);
	}
	if (text.length > limits.maxTextChars) {
		throw new IngestError('E_TOO_LARGE', path, `${path} has ${text.length} characters of text, over the limit of ${limits.maxTextChars}; raise extract.maxTextChars or split the document`);
	}
	const title = _readTitle(parts.get('docProps/core.xml'));
	const warnings = [...new Set(messages)].map(message => `mammoth: ${message}`);
	return {pages: [{number: 1, text}], ...(title === undefined ? {} : {title}), warnings};
}

/** Applies {@link prepareWordXml} to the WordprocessingML parts. */
function _prepareParts(parts: Map<string, Uint8Array>): void {
	for (const [name, data] of parts) {
		if (name.startsWith('word/') && name.endsWith('.xml')) parts.set(name, strToU8(prepareWordXml(strFromU8(data))));
	}
}

/** The core properties' title, unless empty or a template's file name (Word leaves "Normal.dot" there). */
function _readTitle(core: Uint8Array | undefined): string | undefined {
	if (core === undefined) return undefined;
	const raw = /<(?:\w+:)?title\b[^>]*>([\s\S]*?)<\/(?:\w+:)?title>/.exec(strFromU8(core))?.[1];
	const title = raw === undefined ? '' : decodeEntities(raw).replace(/\s+/g, ' ').trim();
	return title === '' || /\.(?:docx?|dotx?|docm|dotm)$/i.test(title) ? undefined : title;
}

function _firstLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n', 1)[0] ?? message;
}
