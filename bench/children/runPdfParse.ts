/**
 * Child process: pdf-parse v2's default text extraction, `new PDFParse({data}).getText()`, over the
 * given PDFs one after another (the reference column of the extraction figure). Prints one JSON object.
 * Usage: runPdfParse.ts <file.pdf>...
 */
import {readFileSync} from 'node:fs';
import {PDFParse} from 'pdf-parse';

const files = process.argv.slice(2);
const started = performance.now();
let failed = 0;
let chars = 0;
for (const file of files) {
	const parser = new PDFParse({data: readFileSync(file)});
	try {
		chars += (await parser.getText()).text.length;
	} catch {
		failed++;
	} finally {
		await parser.destroy();
	}
}
process.stdout.write(`${JSON.stringify({seconds: (performance.now() - started) / 1000, files: files.length, failed, chars})}\n`);
