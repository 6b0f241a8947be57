import type {PagePaint} from './measurePagePaint.js';

/** A page's text layer is usable from this many non-space characters; with fewer it is stray marks (a page number, a stamp). */
const _usableTextChars = 20;
/** A page with only stray characters is a scan when images cover at least this share of it. */
const _scanImageCoverage = 0.5;

/**
 * Whether a PDF page has no usable text layer, so that OCR (mode `auto`) reads it: a page whose text
 * (`text`, running lines removed) has fewer than 20 non-space characters and that either has no text
 * while it draws something, or is at least half covered by images. The page's paint is measured
 * (`measurePaint`, which reads its operator list) only for a page whose text falls short: a page of
 * text costs nothing more.
 */
export async function lacksTextLayer(text: string, measurePaint: () => Promise<PagePaint>): Promise<boolean> {
	if (hasUsableText(text)) return false;
	const chars = _countNonSpace(text);
	const paint = await measurePaint();
	return chars === 0 ? paint.paintsAnything : paint.imageCoverage >= _scanImageCoverage;
}

/** Whether a page's text alone makes its text layer usable (no paint needed to decide): at least 20 non-space characters. */
export function hasUsableText(text: string): boolean {
	return _countNonSpace(text) >= _usableTextChars;
}

function _countNonSpace(text: string): number {
	return text.replace(/\s/g, '').length;
}
