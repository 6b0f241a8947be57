import type {DocumentRecord} from '../store/DocumentRecord.js';

export type {UnsupportedFact as ReportUnsupportedFact} from '../verify/VerificationResult.js';

/** One typed field value of a document, with where its evidence is. */
export interface ReportFieldValue {
	value: unknown;
	pages?: number[];
	/** Verbatim quotes from the source that support the value. */
	evidence?: readonly string[] | null;
	/** False when the value's evidence is not in the source. */
	supported?: boolean | null;
}

/**
 * A document as the readable reports (HTML, Markdown) render it: the exported
 * {@link DocumentRecord} (with the checks of its summary) and, where the pipeline has them, its typed
 * field values and answers. Each optional part is shown only when present.
 */
export interface ReportRecord extends DocumentRecord {
	fields?: Record<string, ReportFieldValue> | null;
	/** The answers to the pipeline's questions, by id (`q1`, `q2`…), each with its question. */
	answers?: Record<string, ReportAnswer> | null;
}

/** One question of the pipeline and the document's answer to it. */
export interface ReportAnswer extends ReportFieldValue {
	question: string;
}

/** What a report covers, shown in its heading. */
export interface ReportScope {
	/** The selection, in words: "run 12", "documents updated since 2026-11-27", "all documents". */
	selection: string;
	generatedAt: Date;
}
