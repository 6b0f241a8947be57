import type {ExtractedPage} from './SourceDocument.js';

/** Joins page texts into a document's text; `pageStarts[i]` is where page i+1's text starts in it. */
export function joinPages(pages: readonly ExtractedPage[]): {text: string; pageStarts: number[]} {
	const pageStarts: number[] = [];
	let text = '';
	for (const page of pages) {
		if (pageStarts.length > 0) text += _pageSeparator;
		pageStarts.push(text.length);
		text += page.text;
	}
	return {text, pageStarts};
}

/** Between two pages' text: a paragraph break. */
const _pageSeparator = '\n\n';
