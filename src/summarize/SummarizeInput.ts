/** A document as the summarizer reads it. */
export interface SummarizeInput {
	text: string;
	title: string;
	/** Character offset of each page's start, for chunk page ranges. */
	pageStarts?: readonly number[];
}
