/**
 * Writes fixtures/verify/multi-page-report.pdf, the eight-page document whose pages the
 * verification cases cite (fixtures/verify/cases.json): `npx tsx scripts/makeVerifyFixtures.ts`.
 * The pages' text lives in fixtures/verify/report-pages.json, so each case's page is known exactly.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {PDFDocument, StandardFonts, type PDFFont} from 'pdf-lib';

const folder = new URL('../fixtures/verify/', import.meta.url);
const size = 11;
const report = JSON.parse(readFileSync(new URL('report-pages.json', folder), 'utf8')) as {title: string; pages: string[]};

/** Splits a paragraph into lines no wider than `width` points. */
function wrap(text: string, font: PDFFont, width: number): string[] {
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

const document = await PDFDocument.create();
document.setCreationDate(new Date('2024-01-01T00:00:00Z'));
document.setModificationDate(new Date('2024-01-01T00:00:00Z'));
document.setProducer('precis makeVerifyFixtures');
document.setCreator('precis makeVerifyFixtures');
document.setTitle(report.title);
const font = await document.embedFont(StandardFonts.Helvetica);
const bold = await document.embedFont(StandardFonts.HelveticaBold);
for (const text of report.pages) {
	const page = document.addPage([612, 792]);
	let y = 720;
	for (const [index, paragraph] of text.split('\n\n').entries()) {
		const face = index === 0 ? bold : font;
		for (const line of wrap(paragraph, face, 468)) {
			page.drawText(line, {x: 72, y, size, font: face});
			y -= size * 1.5;
		}
		y -= size;
	}
}
writeFileSync(new URL('multi-page-report.pdf', folder), await document.save({useObjectStreams: false}));
