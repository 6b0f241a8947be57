import type {ResolvedConfig} from '../config/schema.js';

/** The formats precis reads; detected from a file's content, never from its name alone. `image`: PNG, JPEG or TIFF, read by OCR. */
export type DocumentFormat = 'pdf' | 'docx' | 'text' | 'image';

/** One page of extracted text. DOCX and text documents have a single page numbered 1. */
export interface ExtractedPage {
	number: number;
	text: string;
	/** Whether the text was read by OCR from the page's image (PDF and image pages; absent for DOCX and text). */
	ocr?: boolean;
	/** Mean word confidence of an OCRed page, 0 to 100. */
	confidence?: number;
}

/** How scanned pages are read: `extract.ocr` of the config. */
export type OcrOptions = ResolvedConfig['extract']['ocr'];

/** What a format reader returns for one document. */
export interface ReaderResult {
	pages: ExtractedPage[];
	title?: string;
	/** Non-fatal problems, such as a page that could not be read. */
	warnings: string[];
	/**
	 * How the text depends on the OCR settings (`extract.ocr`), so that a run knows when a change of
	 * them must read the document again: 'text-layer' when every page's text is its PDF text layer
	 * and OCR's `auto` mode reads (or would read) none of them; 'ocr' when OCR read a page or tried
	 * to, or would read one had it not been off, and for a PDF read under `always` and every image
	 * file. Absent for formats OCR never reads (DOCX, text).
	 */
	ocrDependence?: OcrDependence;
}

/** See `ReaderResult.ocrDependence`. */
export type OcrDependence = 'text-layer' | 'ocr';

/** A document after extraction: identity, content and any non-fatal warnings. */
export interface SourceDocument extends ReaderResult {
	path: string;
	format: DocumentFormat;
	/** Hex SHA-256 of the file's bytes. */
	sha256: string;
	bytes: number;
	/** The pages' text joined into one (see joinPages). */
	text: string;
	/** Character offset in `text` where each page starts: page i+1 starts at `pageStarts[i]`. */
	pageStarts: number[];
}

/** Limits that bound the work and memory spent reading one document, and how scans are read. */
export interface ExtractLimits {
	/** Largest input file accepted, in bytes. @default 268435456 (256 MiB) */
	maxFileBytes: number;
	/** Most PDF pages read; longer documents fail with E_TOO_LARGE. @default 5000 */
	maxPages: number;
	/** Most characters of extracted text per document. @default 20000000 */
	maxTextChars: number;
	/** Most uncompressed bytes a DOCX archive may expand to. @default 268435456 (256 MiB) */
	maxUnzippedBytes: number;
	ocr: OcrOptions;
}

/** What a reader gets besides the bytes. */
export interface ReaderContext {
	/** The file's path, for error messages. */
	path: string;
	limits: ExtractLimits;
}
