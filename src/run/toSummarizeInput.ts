import type {SourceDocument} from '../ingest/SourceDocument.js';
import type {SummarizeInput} from '../summarize/SummarizeInput.js';

/** What the summarizer needs of an extracted document: its text, a title, and where PDF pages start. */
export function toSummarizeInput(document: SourceDocument): SummarizeInput {
	const title = document.title?.trim() || (document.path.split('/').pop() ?? document.path);
	if (document.format !== 'pdf') return {text: document.text, title};
	return {text: document.text, title, pageStarts: document.pageStarts};
}
