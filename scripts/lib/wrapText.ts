import type {PDFFont} from 'pdf-lib';

/** Splits text into lines no wider than `width` points in `font` at `size`. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const candidate = line === '' ? word : `${line} ${word}`;
		if (font.widthOfTextAtSize(candidate, size) > width && line !== '') {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line !== '') lines.push(line);
	return lines;
}
