import {extname} from 'node:path';
import type {DocumentFormat} from './SourceDocument.js';

/** The format each name ending that precis reads promises. */
const _promised: Readonly<Record<string, DocumentFormat>> = {
	'.pdf': 'pdf', '.docx': 'docx', '.txt': 'text', '.text': 'text', '.md': 'text', '.markdown': 'text',
	'.png': 'image', '.jpg': 'image', '.jpeg': 'image', '.tif': 'image', '.tiff': 'image',
};

const _formatNames: Readonly<Record<DocumentFormat, string>> = {pdf: 'a PDF', docx: 'a Word document', text: 'plain text', image: 'an image'};

/**
 * A warning for a file whose name promises one format while its content is another: it is read by
 * its content, but a saved error page named `.pdf` or a PDF named `.txt` is worth a look. Undefined
 * when they agree, or when the name promises nothing precis knows.
 */
export function describeFormatMismatch(path: string, format: DocumentFormat): string | undefined {
	const ending = extname(path).toLowerCase();
	const promised = _promised[ending];
	if (promised === undefined || promised === format) return undefined;
	return `named ${ending} but its content is ${_formatNames[format]}, not ${_formatNames[promised]}: read as ${_formatNames[format]}; check the file`;
}
