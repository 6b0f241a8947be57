import type {DocumentRecord} from '../store/DocumentRecord.js';

/** One statement of a summary and the source pages that support it, best first. */
export interface ReportCitation {
	text: string;
	/** 1-based page numbers, best first. */
	pages: number[];
	/** Support score in [0, 1]. */
	support: number;
}

/** A fact (number, date, name, quote) of a summary that the source text does not contain. */
export interface ReportUnsupportedFact {
	text: string;
	kind: string;
	/** The summary statement the fact is in. */
	statement: string;
}

/** One typed field value of a document, with where its evidence is. */
export interface ReportFieldValue {
	value: unknown;
	pages?: number[];
	evidence?: string | null;
	/** False when the value's evidence is not in the source. */
	supported?: boolean;
}

/**
 * A document as the readable reports (HTML, Markdown) render it: the exported
 * {@link DocumentRecord} and, where the pipeline has them, the checks of its summary and its typed
 * field values. Each optional part is shown only when present.
 */
export interface ReportRecord extends DocumentRecord {
	citations?: ReportCitation[] | null;
	unsupported_facts?: ReportUnsupportedFact[] | null;
	needs_review?: boolean | null;
	fields?: Record<string, ReportFieldValue> | null;
}

/** What a report covers, shown in its heading. */
export interface ReportScope {
	/** The selection, in words: "run 12", "documents updated since 2026-11-27", "all documents". */
	selection: string;
	generatedAt: Date;
}
