/** The kinds of fact a reader acts on, checked one by one against the source. */
export type FactKind = 'number' | 'date' | 'name' | 'quote';

/** Where a statement's support lies: its pages, best first, and for single-page text/DOCX documents the line range too. */
export interface Citation {
	/** The statement as written in the summary. */
	text: string;
	/** 1-based pages of the best supporting passages, best first (at most 3); empty when nothing supports it. */
	pages: number[];
	/** Share of the statement's informative words that its best passage contains, in [0, 1]. */
	support: number;
	/** 1-based first and last line of the best passage, for documents without pages (text, DOCX). */
	lines?: [number, number];
}

/** A fact of the summary that the source does not contain. */
export interface UnsupportedFact {
	text: string;
	kind: FactKind;
	/** The statement it was found in. */
	statement: string;
}

/** The outcome of checking one summary against its source. */
export interface VerificationResult {
	/** True when any fact is unsupported, any statement is under the support threshold, or the summary says nothing. */
	needs_review: boolean;
	citations: Citation[];
	unsupported_facts: UnsupportedFact[];
}

/** The checker's settings (config `verify:`). */
export interface VerifySettings {
	/** Check each final summary against its source. @default true */
	enabled: boolean;
	/** A statement whose support is under this is unsupported. @default 0.4 */
	supportThreshold: number;
	/** One more model call to correct a summary with unsupported facts; kept only when it has fewer. @default false */
	repair: boolean;
}

/** The checker's own version: part of the settings hash, so that a changed checker checks stored summaries again. */
export const checkerVersion = 1;
