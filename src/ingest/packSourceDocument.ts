import {deflateRawSync, inflateRawSync} from 'node:zlib';
import {joinPages} from './joinPages.js';
import type {SourceDocument} from './SourceDocument.js';

/** What is kept of an extracted document: its pages (text, OCR flag and confidence), title, format, size, warnings and how its text depends on OCR. */
type _Packed = Pick<SourceDocument, 'pages' | 'title' | 'format' | 'bytes' | 'warnings' | 'ocrDependence'>;

/**
 * A document's extraction in a compact form for the store: the pages as JSON, compressed with
 * raw deflate (zlib's default level: on the corpus, 31 % of the JSON; see docs/operations.md). The joined text and page offsets are not kept: {@link unpackSourceDocument} joins
 * the pages again, exactly as extraction did, so a stored page's text is never written twice.
 */
export function packSourceDocument(document: SourceDocument): Buffer {
	const {pages, title, format, bytes, warnings, ocrDependence} = document;
	const packed: _Packed = {pages, format, bytes, warnings, ...(title === undefined ? {} : {title}), ...(ocrDependence === undefined ? {} : {ocrDependence})};
	return deflateRawSync(JSON.stringify(packed));
}

/**
 * The document packed by {@link packSourceDocument}, as read from `path` with content `sha256`. One
 * packed before precis kept `ocrDependence` comes back without it (as a DOCX would).
 */
export function unpackSourceDocument(packed: Uint8Array, path: string, sha256: string): SourceDocument {
	const {pages, title, format, bytes, warnings, ocrDependence} = JSON.parse(inflateRawSync(packed).toString('utf8')) as _Packed;
	const {text, pageStarts} = joinPages(pages);
	return {pages, format, bytes, warnings, ...(title === undefined ? {} : {title}), ...(ocrDependence === undefined ? {} : {ocrDependence}), path, sha256, text, pageStarts};
}
