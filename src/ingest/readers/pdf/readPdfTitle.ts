import type {PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs';
import {normalizePdfText} from './normalizePdfText.js';

/** Titles that only name a file, a template or nothing. */
const _junk = /^(?:untitled\d*|title|document\d*|none|null|unknown|slide \d+|\W*)$|\.(?:docx?|pdf|tex|dvi|ps|rtf|odt|pptx?|xlsx?|indd|qxd|html?|txt)$/i;

/**
 * The document's title from its Info dictionary or, failing that, its XMP dc:title, when it names
 * something: "Microsoft Word - " prefixes dropped, file names and placeholders ignored.
 */
export async function readPdfTitle(document: PDFDocumentProxy): Promise<string | undefined> {
	const metadata = await document.getMetadata().catch(() => undefined);
	if (metadata === undefined) return undefined;
	const info = metadata.info as {Title?: unknown};
	const candidates = [info.Title, metadata.metadata?.get('dc:title')];
	for (const candidate of candidates) {
		if (typeof candidate !== 'string') continue;
		const title = normalizePdfText(candidate).replace(/^microsoft (?:word|powerpoint|excel) - /i, '');
		if (title.length >= 2 && title.length <= 300 && /\p{L}/u.test(title) && !title.includes('\uFFFD') && !_junk.test(title)) return title;
	}
	return undefined;
}
