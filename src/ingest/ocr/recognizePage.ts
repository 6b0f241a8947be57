import type {ExtractedPage, OcrOptions} from '../SourceDocument.js';
import {rejoinHyphenatedLines} from './rejoinHyphenatedLines.js';
import {useOcrEngine} from './useOcrEngine.js';

/** Below this mean word confidence (0-100) an OCRed page gets a warning: its text is likely wrong in places. */
const _lowConfidence = 60;

export interface RecognizePageOptions {
	ocr: OcrOptions;
	number: number;
	/** Resolution of the image, when known (rendered PDF pages, TIFFs that state it). */
	dpi?: number;
	/** Receives a warning when the page's confidence is low. */
	warnings: string[];
}

/** OCRs one page image with this process's engine into an extracted page marked `ocr: true` with its confidence. */
export async function recognizePage(image: Uint8Array, options: RecognizePageOptions): Promise<ExtractedPage> {
	const {text: lines, confidence} = await useOcrEngine(options.ocr.languages, async engine => engine.recognize(image, options.dpi));
	const text = rejoinHyphenatedLines(lines);
	if (text !== '' && confidence < _lowConfidence) {
		options.warnings.push(`page ${options.number}: OCR confidence ${confidence} is low (under ${_lowConfidence}); the text may be wrong in places: check the scan's resolution, skew and noise`);
	}
	return {number: options.number, text, ocr: true, confidence};
}

/** Why a document whose pages were OCRed has no text: "no text found by OCR on N pages". */
export function describeEmptyOcr(pages: readonly ExtractedPage[]): string {
	const count = pages.filter(page => page.ocr === true && page.text === '').length;
	return `no text found by OCR on ${count} ${count === 1 ? 'page' : 'pages'}`;
}
