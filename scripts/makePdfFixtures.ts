/**
 * Writes the small PDFs under fixtures/pdf/ (and fixtures/verify/multi-page-report.pdf), each named after the reader behaviour it covers:
 * `npx tsx scripts/makePdfFixtures.ts`. Text is set line by line with pdf-lib at explicit positions,
 * so each file's layout (columns, gaps, line-end hyphens, running headers) is known exactly.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {PDFDocument, PDFName, StandardFonts, type PDFFont, type PDFPage} from 'pdf-lib';
import {encodeGrayPng} from './lib/encodeGrayPng.js';
import {wrapText} from './lib/wrapText.js';

const folder = new URL('../fixtures/pdf/', import.meta.url);
const size = 10;
const lorem = [
	'Reading order matters when a summary is made from extracted text, because a sentence that jumps between columns loses its meaning.',
	'Every line of this column is written to the content stream between two lines of the other column, so only positions tell them apart.',
	'A reader that follows the stream would alternate between the two columns on every line and mix their sentences together.',
];
const rightText = [
	'The right column starts here and continues the discussion with material that must come only after the whole left column has been read.',
	'Its lines sit at the same heights as the lines on the left, so a reader that sorts by height alone would interleave them as well.',
];

/** Splits text into lines no wider than `width` points at the fixtures' font size. */
function wrap(text: string, font: PDFFont, width: number): string[] {
	return wrapText(text, font, size, width);
}

function newDocument(title?: string): Promise<PDFDocument> {
	return PDFDocument.create().then(document => {
		document.setCreationDate(new Date('2024-01-01T00:00:00Z'));
		document.setModificationDate(new Date('2024-01-01T00:00:00Z'));
		document.setProducer('precis makePdfFixtures');
		document.setCreator('precis makePdfFixtures');
		if (title !== undefined) document.setTitle(title);
		return document;
	});
}

async function save(name: string, document: PDFDocument): Promise<void> {
	writeFileSync(new URL(name, folder), await document.save({useObjectStreams: false}));
}

/** Two columns whose lines alternate left, right, left… in the content stream; full-width title and footer. */
async function makeTwoColumnInterleaved(): Promise<void> {
	const document = await newDocument('Column Order Study');
	const font = await document.embedFont(StandardFonts.Helvetica);
	const page = document.addPage([612, 792]);
	page.drawText('Column Order in Extracted Text: A Small Study of Two Columns', {x: 72, y: 720, size: 14, font});
	const left = lorem.flatMap(paragraph => wrap(paragraph, font, 220));
	left.push(...wrap('The left column ends here with a sentence that runs on to the next', font, 220));
	const right = rightText.flatMap(paragraph => wrap(paragraph, font, 220));
	for (let index = 0; index < Math.max(left.length, right.length); index++) {
		const y = 680 - index * 12;
		if (left[index] !== undefined) page.drawText(left[index]!, {x: 72, y, size, font});
		if (right[index] !== undefined) page.drawText(right[index]!, {x: 320, y, size, font});
	}
	page.drawText('Footer of the page spanning both columns, printed once at the bottom of the sheet', {x: 72, y: 60, size: 8, font});
	await save('two-column-interleaved.pdf', document);
}

/**
 * A licence-like page: a full-width title, then two columns whose first lines sit at the same
 * height, separated by a narrow gutter (the longest left line comes within 6 points of the right
 * column), their lines interleaved in the content stream.
 */
async function makeTwoColumnFromTop(): Promise<void> {
	const document = await newDocument();
	const font = await document.embedFont(StandardFonts.Helvetica);
	const page = document.addPage([612, 792]);
	page.drawText('Terms of the Licence Printed in Two Columns', {x: 72, y: 740, size: 14, font});
	const width = 229;
	const left = [...lorem, 'The left column ends with this sentence.'].flatMap(paragraph => wrap(paragraph, font, width));
	const right = [...rightText, 'The right column ends with this sentence.'].flatMap(paragraph => wrap(paragraph, font, width));
	const rightX = 72 + Math.max(...left.map(line => font.widthOfTextAtSize(line, size))) + 6;
	for (let index = 0; index < Math.max(left.length, right.length); index++) {
		const y = 710 - index * 12;
		if (left[index] !== undefined) page.drawText(left[index]!, {x: 72, y, size, font});
		if (right[index] !== undefined) page.drawText(right[index]!, {x: rightX, y, size, font});
	}
	await save('two-column-from-top.pdf', document);
}

/** A table of four columns (text left-aligned, numbers right-aligned) under a paragraph, with or without rules. */
async function makeTable(ruled: boolean): Promise<void> {
	const document = await newDocument();
	const font = await document.embedFont(StandardFonts.Helvetica);
	const page = document.addPage([612, 792]);
	page.drawText('Sales by region for the first half of the year are shown below.', {x: 72, y: 720, size, font});
	const rows = [
		['Region', 'Q1 sales', 'Q2 sales', 'Change'],
		['North', '1,200', '1,350', '+12.5%'],
		['South', '980', '1,020', '+4.1%'],
		['East', '1,410', '1,395', '-1.1%'],
		['West coast', '760', '905', '+19.1%'],
	];
	const columnRight = [0, 290, 390, 480];
	rows.forEach((row, index) => {
		const y = 690 - index * 18;
		row.forEach((cell, column) => {
			const x = column === 0 ? 72 : columnRight[column]! - font.widthOfTextAtSize(cell, size);
			page.drawText(cell, {x, y, size, font});
		});
		if (ruled) page.drawLine({start: {x: 66, y: y - 5}, end: {x: 486, y: y - 5}, thickness: 0.5});
	});
	if (ruled) for (const x of [66, 200, 300, 400, 486]) page.drawLine({start: {x, y: 703}, end: {x, y: 690 - 4 * 18 - 5}, thickness: 0.5});
	page.drawText('The western region grew fastest over the half year.', {x: 72, y: 690 - rows.length * 18 - 12, size, font});
	await save(`table-${ruled ? 'ruled' : 'unruled'}.pdf`, document);
}

/**
 * Two columns of paragraphs apart by a gap, both from the top of the page: the paragraphs start at
 * different heights in the two columns, so their starts do not line up as a table's cells do.
 */
async function makeTwoColumnParagraphs(): Promise<void> {
	const document = await newDocument();
	const font = await document.embedFont(StandardFonts.Helvetica);
	const page = document.addPage([612, 792]);
	const drawColumn = (paragraphs: readonly string[], x: number) => {
		let y = 720;
		for (const paragraph of paragraphs) {
			for (const line of wrap(paragraph, font, 220)) {
				page.drawText(line, {x, y, size, font});
				y -= 12;
			}
			y -= 10;
		}
	};
	drawColumn([`${lorem[0]!} ${lorem[1]!}`, lorem[2]!, 'The left column ends with this sentence.'], 72);
	drawColumn([...rightText, 'The right column ends with this sentence.'], 320);
	await save('two-column-paragraphs.pdf', document);
}

/** Rows of the prose-cell table: each cell a phrase or sentence, most wrapping onto two or three lines. */
const proseRows = [
	['Setting of the reader', 'What it changes', 'When to choose it'],
	['Fast reading of simple pages', 'Skips the layout checks and reads each page in the order of its content stream.', 'For plain letters and memos set in a single column.'],
	['Careful reading of every layout', 'Places every line by its position and rebuilds columns, tables and paragraphs.', 'For reports, articles and forms whose layout carries meaning.'],
	['Scanned pages read as images', 'Reads the page image by optical character recognition.', 'When a page has no text layer at all, as with faxes.'],
	['Mixed mode for bundles of files', 'Uses the text layer where it exists and recognition elsewhere, page by page.', 'For bundles that join typed and scanned documents.'],
];

/**
 * A table whose cells hold prose: three columns of 110, 180 and 150 points, cells wrapped onto
 * several lines, rows apart by a gap, under a paragraph and above another. Its columns are wide
 * and filled like text columns, but its cells start together row by row.
 */
async function makeProseTable(): Promise<void> {
	const document = await newDocument();
	const font = await document.embedFont(StandardFonts.Helvetica);
	const page = document.addPage([612, 792]);
	page.drawText('The reader offers four settings, compared in the table below.', {x: 72, y: 720, size, font});
	const columns = [{x: 72, width: 110}, {x: 196, width: 180}, {x: 390, width: 150}];
	let y = 690;
	for (const row of proseRows) {
		const cells = row.map((cell, column) => wrap(cell, font, columns[column]!.width));
		cells.forEach((lines, column) => lines.forEach((line, index) => page.drawText(line, {x: columns[column]!.x, y: y - index * 12, size, font})));
		y -= Math.max(...cells.map(lines => lines.length)) * 12 + 10;
	}
	page.drawText('Careful reading is the default for every document.', {x: 72, y: y - 10, size, font});
	await save('table-prose-cells.pdf', document);
}

const quarters = [
	'The society met twice in winter and planned the spring survey of the old orchard.',
	'Spring brought the survey itself: forty volunteers counted trees, birds and beehives.',
	'Summer was quiet; the results were typed up and checked against last year’s notes.',
	'In autumn the report went to the printer and the accounts were closed.',
	'A short appendix lists every volunteer and thanks the landowners for their help.',
];

/** Five pages with a running header, a "Page N of 5" footer and a centred "- N -" line. */
async function makeRunningHeaders(): Promise<void> {
	const document = await newDocument('Microsoft Word - annual-report.docx');
	const font = await document.embedFont(StandardFonts.TimesRoman);
	for (let number = 1; number <= 5; number++) {
		const page = document.addPage([612, 792]);
		page.drawText('Annual Report of the Example Society 2024', {x: 72, y: 750, size: 9, font});
		const body = `${quarters[number - 1]} This paragraph is the body of page ${number}, the prose that a reader wants to keep.`;
		wrap(body, font, 460).forEach((line, index) => page.drawText(line, {x: 72, y: 700 - index * 12, size, font}));
		page.drawText(`- ${number} -`, {x: 300, y: 60, size: 9, font});
		page.drawText(`Page ${number} of 5`, {x: 280, y: 45, size: 9, font});
	}
	await save('running-headers.pdf', document);
}

/** The page-number forms precis removes, each written by `label(page, pages)`. */
const pageNumberForms: Record<string, (page: number, pages: number) => string> = {
	'page-of': (page, pages) => `Page ${page} of ${pages}`,
	slash: (page, pages) => `${page} / ${pages}`,
	dashes: page => `- ${page} -`,
	plain: page => String(page),
	roman: page => ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][page - 1]!,
};

const surveyParagraphs = [
	'The survey counted every tree in the old orchard, noting its species, its height and the state of its bark.',
	'Volunteers walked the rows in pairs, one calling out what she saw while the other wrote it down on the form.',
	'Birds were counted at dawn and at dusk, when they are most active and easiest to hear from the paths.',
	'Beehives were checked by the two keepers alone, since the bees do not welcome strangers in the spring.',
	'Every evening the forms were collected, read through for gaps and filed in the order of the rows.',
];

/**
 * Twelve pages of body text under running headers that alternate between odd and even pages and carry
 * the page number, with a page number in the form `form` at the foot. Some pages are full, so their
 * last body line comes as close to the footer as ordinary lines are to each other.
 */
async function makePageNumbers(form: string, label: (page: number, pages: number) => string): Promise<void> {
	const document = await newDocument();
	const font = await document.embedFont(StandardFonts.TimesRoman);
	const pages = 12;
	for (let number = 1; number <= pages; number++) {
		const page = document.addPage([612, 792]);
		if (number % 2 === 0) page.drawText(`${number}    The Orchard Survey`, {x: 72, y: 750, size: 9, font});
		else page.drawText(`Methods and Results    ${number}`, {x: 420, y: 750, size: 9, font});
		const paragraphs = Array.from({length: number % 3 === 0 ? 60 : 4 + (number % 4)}, (_, index) => surveyParagraphs[(number + index) % surveyParagraphs.length]!);
		const lines = [`Body of page ${number} begins here.`, ...paragraphs.flatMap(paragraph => wrap(paragraph, font, 460)), `Body of page ${number} ends here.`];
		const lineHeight = Math.min(12, (722 - 52) / (lines.length - 1));
		lines.forEach((line, index) => page.drawText(line, {x: 72, y: 722 - index * lineHeight, size, font}));
		page.drawText(label(number, pages), {x: 290, y: 40, size: 9, font});
	}
	await save(`page-numbers-${form}.pdf`, document);
}

/**
 * Three pages whose sentences run on over the page breaks: page 1 ends in a word hyphenated across
 * the break ("infor-" / "mation"), page 2 ends mid-sentence without a hyphen; page 3 ends a sentence.
 */
async function makeSentenceAcrossPages(): Promise<void> {
	const document = await newDocument();
	const font = await document.embedFont(StandardFonts.Helvetica);
	const pages = [
		['The committee met in the spring to plan the survey.', 'After a long debate it agreed that all the infor-'],
		['mation gathered would be shared with every member.', 'The results were checked twice, and the report was'],
		['sent to the printer in May.', 'A new paragraph begins on this page and ends here.'],
	];
	for (const [number, lines] of pages.entries()) {
		const page = document.addPage([612, 792]);
		lines.forEach((line, index) => page.drawText(line, {x: 72, y: 700 - index * 12, size, font}));
		page.drawText(String(number + 1), {x: 300, y: 40, size: 9, font});
	}
	await save('sentence-across-pages.pdf', document);
}

/** Words hyphenated across line ends, a compound kept whole, soft hyphens, and a paragraph gap. */
async function makeHyphenation(): Promise<void> {
	const document = await newDocument();
	const font = await document.embedFont(StandardFonts.Helvetica);
	const page = document.addPage([612, 792]);
	const lines = [
		'Text extraction from documents needs care: the extrac-',
		'tion of words split at a line end must join them again, while a',
		'well-known compound written mid-line stays as it is, and so does a well-',
		'known one broken at its own hyphen. Names such as Anglo-',
		'Saxon keep their hyphen too, and a word broken by a soft hyphen\u00AD',
		'ation at the end of a line joins up.',
	];
	lines.forEach((line, index) => page.drawText(line, {x: 72, y: 700 - index * 12, size, font}));
	page.drawText('A second paragraph starts after a vertical gap of two lines.', {x: 72, y: 700 - lines.length * 12 - 24, size, font});
	await save('hyphenation.pdf', document);
}

/** A scan-like page: one image, no text. */
async function makeImageOnly(): Promise<void> {
	const document = await newDocument();
	const page = document.addPage([612, 792]);
	const image = await document.embedPng(makeGrayPng(64, 64));
	page.drawImage(image, {x: 72, y: 400, width: 300, height: 300});
	await save('image-only.pdf', document);
}

/** Three pages; page 2's content stream claims FlateDecode but holds garbage. */
async function makeBadPage(): Promise<void> {
	const document = await newDocument();
	const font = await document.embedFont(StandardFonts.Helvetica);
	const pages: PDFPage[] = [1, 2, 3].map(number => {
		const page = document.addPage([612, 792]);
		page.drawText(`Readable text on page ${number} of the damaged document.`, {x: 72, y: 700, size, font});
		return page;
	});
	const garbage = document.context.stream(new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x00]), {Filter: 'FlateDecode'});
	pages[1]!.node.set(PDFName.of('Contents'), document.context.register(garbage));
	await save('bad-page.pdf', document);
}

/** A file that starts like a PDF and holds nothing else a parser can use. */
function makeCorrupt(): void {
	writeFileSync(new URL('corrupt.pdf', folder), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nthis is not a PDF body\n%%EOF\n');
}

/** A gray gradient PNG. */
function makeGrayPng(width: number, height: number): Uint8Array {
	const rows = Buffer.alloc((width + 1) * height);
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x * 4 + y * 2) & 0xff;
	return encodeGrayPng(width, height, rows);
}

/**
 * fixtures/verify/multi-page-report.pdf: eight pages of a council report, one topic a page, whose
 * text is fixtures/verify/report-pages.json; the verification cases cite its pages.
 */
async function makeMultiPageReport(): Promise<void> {
	const report = JSON.parse(readFileSync(new URL('../fixtures/verify/report-pages.json', import.meta.url), 'utf8')) as {title: string; pages: string[]};
	const document = await newDocument(report.title);
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
	await save('../verify/multi-page-report.pdf', document);
}

mkdirSync(folder, {recursive: true});
await makeMultiPageReport();
await makeTwoColumnInterleaved();
await makeTwoColumnFromTop();
await makeTwoColumnParagraphs();
await makeRunningHeaders();
await makeHyphenation();
await makeSentenceAcrossPages();
await makeTable(true);
await makeTable(false);
await makeProseTable();
for (const [form, label] of Object.entries(pageNumberForms)) await makePageNumbers(form, label);
await makeImageOnly();
await makeBadPage();
makeCorrupt();
