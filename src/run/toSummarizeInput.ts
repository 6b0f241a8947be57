import {PAGE_SEPARATOR, type SourceDocument} from '../ingest/SourceDocument.js';
import type {SummarizeInput} from '../summarize/summarizeDocument.js';

/** What the summarizer needs of an extracted document: its text, a title, and where PDF pages start. */
export function toSummarizeInput(document: SourceDocument): SummarizeInput {
	const title = document.title?.trim() || (document.path.split('/').pop() ?? document.path);
	if (document.format !== 'pdf') return {text: document.text, title};
	const pageStarts: number[] = [];
	let offset = 0;
	for (const page of document.pages) {
		pageStarts.push(offset);
		offset += page.text.length + PAGE_SEPARATOR.length;
	}
	return {text: document.text, title, pageStarts};
}
