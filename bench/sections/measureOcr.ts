import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';
import PQueue from 'p-queue';
import {findOcrLanguageFiles} from '../../src/ingest/ocr/findOcrLanguageFiles.js';
import {knownText} from '../../scripts/ocrFixtures/knownText.js';
import {makeImagePdf, makeTextPdf, scanPdf} from '../../scripts/ocrFixtures/makeScans.js';
import {measureWordRecall} from '../../scripts/ocrFixtures/measureWordRecall.js';
import {getLoad} from '../lib/getMachineInfo.js';
import {roundTo} from '../lib/roundTo.js';
import {runPrecisMeasured} from '../lib/runScript.js';

export interface OcrResult {
	load: number;
	dpi: number;
	pages: number;
	processes: number;
	precisSeconds: number;
	precisPagesPerMinute: number;
	precisWordRecall: number;
	tesseractSeconds: number;
	tesseractPagesPerMinute: number;
	tesseractWordRecall: number;
	/** precis's time ÷ the tesseract command's; the goal is ≤ 1.5. */
	ratio: number;
	/** The 50-page scan: pages, wall time and the peak resident memory of precis's process tree. */
	longScan: {pages: number; seconds: number; peakTreeRssMb: number; failed: boolean};
}

export interface MeasureOcrOptions {
	workDir: string;
	/** Documents for the speed figure, and pages in each. */
	documents: number;
	pagesPerDocument: number;
	longScanPages: number;
}

const _dpi = 300;
const _letter = {size: [612, 792] as [number, number], fontSize: 11};

/**
 * Figure 9: OCR of clean 300-DPI letter-size scans made from known text. precis (`precis extract`,
 * one extraction process per core, each rendering the image-only PDF's pages with pdf.js and
 * running tesseract.js) against Debian's `tesseract` command on the same page rasters, one process
 * per core (OMP_THREAD_LIMIT=1), with the same language data (the npm package's, unpacked) and DPI;
 * word recall of both against the known text; then the peak memory of precis's process tree while it
 * OCRs one 50-page scan.
 */
export async function measureOcr(options: MeasureOcrOptions): Promise<OcrResult> {
	const folder = join(options.workDir, 'ocr');
	mkdirSync(folder, {recursive: true});
	const processes = availableParallelism();
	const texts = _pageTexts(options.documents * options.pagesPerDocument);
	const pdfs: string[] = [];
	const rasters: string[] = [];
	for (let document = 0; document < options.documents; document++) {
		const pageTexts = texts.slice(document * options.pagesPerDocument, (document + 1) * options.pagesPerDocument);
		const scans = await scanPdf(await makeTextPdf(pageTexts, _letter), {dpi: _dpi});
		const pdf = join(folder, `scan-${document}.pdf`);
		writeFileSync(pdf, await makeImagePdf(scans, _dpi));
		pdfs.push(pdf);
		scans.forEach((scan, page) => {
			const raster = join(folder, `scan-${document}-${page}.png`);
			writeFileSync(raster, scan.toBuffer('image/png'));
			rasters.push(raster);
		});
	}
	const load = getLoad();
	const config = join(folder, 'ocr.yaml');
	writeFileSync(config, `extract:\n  timeoutSeconds: 3600\n  ocr:\n    dpi: ${_dpi}\n`);
	const precis = await runPrecisMeasured(['extract', '--json', '--config', config, ...pdfs], {keepStdout: true});
	const precisPages = precis.stdout.trim().split('\n').flatMap(line => (JSON.parse(line) as {pages?: Array<{text: string}>}).pages ?? []);
	const tessdata = _unpackLanguageData(folder);
	const started = performance.now();
	const queue = new PQueue({concurrency: processes});
	const tesseractTexts = await Promise.all(rasters.map(raster => queue.add(() => _runTesseract(raster, tessdata))));
	const tesseractSeconds = (performance.now() - started) / 1000;

	const longScan = await _measureLongScan(folder, config, options.longScanPages);
	return {
		load, dpi: _dpi, pages: texts.length, processes,
		precisSeconds: roundTo(precis.wallSeconds, 1), precisPagesPerMinute: roundTo((texts.length / precis.wallSeconds) * 60, 1),
		precisWordRecall: roundTo(_recall(texts, precisPages.map(page => page.text)), 3),
		tesseractSeconds: roundTo(tesseractSeconds, 1), tesseractPagesPerMinute: roundTo((texts.length / tesseractSeconds) * 60, 1),
		tesseractWordRecall: roundTo(_recall(texts, tesseractTexts), 3),
		ratio: roundTo(precis.wallSeconds / tesseractSeconds, 2),
		longScan,
	};
}

/** Page texts of about 250 words each, from the fixtures' known prose in a different order on every page. */
function _pageTexts(count: number): string[] {
	const sentences = Object.values(knownText).flat().flatMap(text => text.split(/(?<=\.) /));
	return Array.from({length: count}, (_, page) => Array.from({length: 14}, (_, index) => sentences[(page * 5 + index * 7) % sentences.length]).join(' '));
}

function _recall(known: readonly string[], recognized: readonly string[]): number {
	return measureWordRecall(known.join(' '), recognized.join(' '));
}

/** The same data precis reads (the @tesseract.js-data/eng package), unpacked for the tesseract command. */
function _unpackLanguageData(folder: string): string {
	const tessdata = join(folder, 'tessdata');
	mkdirSync(tessdata, {recursive: true});
	const [file] = findOcrLanguageFiles(['eng']);
	writeFileSync(join(tessdata, 'eng.traineddata'), gunzipSync(readFileSync(file!)));
	return tessdata;
}

function _runTesseract(raster: string, tessdata: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn('tesseract', [raster, '-', '--tessdata-dir', tessdata, '-l', 'eng', '--oem', '1', '--psm', '3', '--dpi', String(_dpi)], {
			env: {...process.env, OMP_THREAD_LIMIT: '1'},
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		let text = '';
		child.stdout.setEncoding('utf8').on('data', (data: string) => {
			text += data;
		});
		child.on('error', reject);
		child.on('close', code => (code === 0 ? resolve(text) : reject(new Error(`tesseract ${raster} exited with ${code}`))));
	});
}

/**
 * Five distinct scanned pages, repeated to `pages` (each page its own image, stored as JPEG: pdf-lib
 * decodes a PNG in JavaScript to embed it, seconds a page), OCRed as one document.
 */
async function _measureLongScan(folder: string, config: string, pages: number): Promise<OcrResult['longScan']> {
	const scans = await scanPdf(await makeTextPdf(_pageTexts(5), _letter), {dpi: _dpi});
	const pdf = join(folder, 'long-scan.pdf');
	writeFileSync(pdf, await makeImagePdf(Array.from({length: pages}, (_, page) => scans[page % scans.length]!), _dpi, true));
	const run = await runPrecisMeasured(['extract', '--json', '--config', config, pdf]);
	return {pages, seconds: roundTo(run.wallSeconds, 1), peakTreeRssMb: Math.round(run.peakTreeRssMb), failed: run.code !== 0};
}
