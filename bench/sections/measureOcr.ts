import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';
import PQueue from 'p-queue';
import {findOcrLanguageFiles} from '../../src/ingest/ocr/findOcrLanguageFiles.js';
import {knownText} from '../../scripts/ocrFixtures/knownText.js';
import {makeImagePdf, makeTextPdf, scanPdf} from '../../scripts/ocrFixtures/makeScans.js';
import {measureWordRecall} from '../../scripts/ocrFixtures/measureWordRecall.js';
import {getLoad} from '../lib/getMachineInfo.js';
import {readChildrenCpuSeconds} from '../lib/readChildrenCpuSeconds.js';
import {roundTo} from '../lib/roundTo.js';
import {runPrecisMeasured} from '../lib/runScript.js';

/** One OCR of the speed figure's pages: wall and CPU time of its whole process tree, and what it read. */
export interface OcrRun {
	seconds: number;
	/** User + system CPU seconds of every process of the run (precis's CLI, its extraction children and their threads; every tesseract process). */
	cpuSeconds: number;
	pagesPerMinute: number;
	/** Pages per minute of CPU time: the figure that a loaded, shared machine hardly moves. */
	pagesPerCpuMinute: number;
	wordRecall: number;
	/** 1-minute load average before and after the run. */
	load: [number, number];
}

export interface OcrResult {
	dpi: number;
	documents: number;
	pages: number;
	processes: number;
	precis: OcrRun;
	/** Debian's `tesseract` command reading the same data as precis (the npm package's, unpacked). */
	tesseract: OcrRun;
	/** The same command with Debian's own `eng` data (tesseract-ocr-eng), when installed: for reference only. */
	tesseractDebianData: OcrRun | undefined;
	/** precis ÷ the tesseract command (same data): CPU time, the primary figure, and wall time. The goal is ≤ 1.5. */
	cpuRatio: number;
	wallRatio: number;
	/** The 50-page scan as one document: wall and CPU time, and the peak resident memory of precis's process tree. */
	longScan: {pages: number; seconds: number; cpuSeconds: number; pagesPerCpuMinute: number; peakTreeRssMb: number; peakProcesses: number; load: [number, number]; failed: boolean};
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
/** Where Debian's tesseract-ocr-eng installs its model. */
const _debianTessdata = '/usr/share/tesseract-ocr/5/tessdata';

/**
 * Figure 10: OCR of clean 300-DPI letter-size scans made from known text. precis (`precis extract`,
 * one extraction process per core, each rendering the image-only PDF's pages with pdf.js and
 * running tesseract.js) against Debian's `tesseract` command on the same page rasters, one process
 * per core (OMP_THREAD_LIMIT=1), with the same language data (the npm package's, unpacked) and DPI;
 * CPU time of each whole process tree (the primary figure), wall time and the load around each;
 * word recall of both against the known text; then time and peak memory of precis's process tree
 * while it OCRs one 50-page scan.
 */
export async function measureOcr(options: MeasureOcrOptions): Promise<OcrResult> {
	const folder = join(options.workDir, 'ocr');
	mkdirSync(folder, {recursive: true});
	const processes = availableParallelism();
	const texts = _pageTexts(options.documents * options.pagesPerDocument);
	const {pdfs, rasters} = await _writeScans(folder, texts, options.pagesPerDocument);
	const config = join(folder, 'ocr.yaml');
	writeFileSync(config, `extract:\n  timeoutSeconds: 3600\n  ocr:\n    dpi: ${_dpi}\n`);

	const loadBefore = getLoad();
	const run = await runPrecisMeasured(['extract', '--json', '--config', config, ...pdfs], {keepStdout: true});
	if (run.code !== 0) throw new Error(`precis extract failed (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
	const precisTexts = run.stdout.trim().split('\n').flatMap(line => (JSON.parse(line) as {pages?: Array<{text: string}>}).pages ?? []).map(page => page.text);
	const precis = _describeRun(texts, precisTexts, {seconds: run.wallSeconds, cpuSeconds: run.cpuSeconds}, [loadBefore, getLoad()]);
	const tesseract = await _measureTesseract(texts, rasters, processes, _unpackLanguageData(folder));
	const tesseractDebianData = existsSync(join(_debianTessdata, 'eng.traineddata')) ? await _measureTesseract(texts, rasters, processes, _debianTessdata) : undefined;

	const longScan = await _measureLongScan(folder, config, options.longScanPages);
	return {
		dpi: _dpi, documents: options.documents, pages: texts.length, processes, precis, tesseract, tesseractDebianData,
		cpuRatio: roundTo(precis.cpuSeconds / tesseract.cpuSeconds, 2), wallRatio: roundTo(precis.seconds / tesseract.seconds, 2),
		longScan,
	};
}

/** Page texts of about 250 words each, from the fixtures' known prose in a different order on every page. */
function _pageTexts(count: number): string[] {
	const sentences = Object.values(knownText).flat().flatMap(text => text.split(/(?<=\.) /));
	return Array.from({length: count}, (_, page) => Array.from({length: 14}, (_, index) => sentences[(page * 5 + index * 7) % sentences.length]).join(' '));
}

/** Image-only PDFs of `pagesPerDocument` scanned pages each, and each page's raster as a PNG for the tesseract command. */
async function _writeScans(folder: string, texts: readonly string[], pagesPerDocument: number): Promise<{pdfs: string[]; rasters: string[]}> {
	const pdfs: string[] = [];
	const rasters: string[] = [];
	for (let document = 0; document * pagesPerDocument < texts.length; document++) {
		const scans = await scanPdf(await makeTextPdf(texts.slice(document * pagesPerDocument, (document + 1) * pagesPerDocument), _letter), {dpi: _dpi});
		const pdf = join(folder, `scan-${document}.pdf`);
		writeFileSync(pdf, await makeImagePdf(scans, _dpi));
		pdfs.push(pdf);
		scans.forEach((scan, page) => {
			const raster = join(folder, `scan-${document}-${page}.png`);
			writeFileSync(raster, scan.toBuffer('image/png'));
			rasters.push(raster);
		});
	}
	return {pdfs, rasters};
}

function _describeRun(known: readonly string[], recognized: readonly string[], time: {seconds: number; cpuSeconds: number}, load: [number, number]): OcrRun {
	return {
		seconds: roundTo(time.seconds, 1), cpuSeconds: roundTo(time.cpuSeconds, 1),
		pagesPerMinute: roundTo((known.length / time.seconds) * 60, 1), pagesPerCpuMinute: roundTo((known.length / time.cpuSeconds) * 60, 1),
		wordRecall: roundTo(measureWordRecall(known.join(' '), recognized.join(' ')), 3), load,
	};
}

/** The same data precis reads (the @tesseract.js-data/eng package), unpacked for the tesseract command. */
function _unpackLanguageData(folder: string): string {
	const tessdata = join(folder, 'tessdata');
	mkdirSync(tessdata, {recursive: true});
	const [file] = findOcrLanguageFiles(['eng']);
	writeFileSync(join(tessdata, 'eng.traineddata'), gunzipSync(readFileSync(file!)));
	return tessdata;
}

/** Every raster through the tesseract command, one process per core at a time. */
async function _measureTesseract(known: readonly string[], rasters: readonly string[], processes: number, tessdata: string): Promise<OcrRun> {
	const loadBefore = getLoad();
	const cpuBefore = readChildrenCpuSeconds();
	const started = performance.now();
	const queue = new PQueue({concurrency: processes});
	const texts = await Promise.all(rasters.map(raster => queue.add(() => _runTesseract(raster, tessdata))));
	const time = {seconds: (performance.now() - started) / 1000, cpuSeconds: readChildrenCpuSeconds() - cpuBefore};
	return _describeRun(known, texts, time, [loadBefore, getLoad()]);
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
	const loadBefore = getLoad();
	const run = await runPrecisMeasured(['extract', '--json', '--config', config, pdf]);
	return {
		pages, seconds: roundTo(run.wallSeconds, 1), cpuSeconds: roundTo(run.cpuSeconds, 1), pagesPerCpuMinute: roundTo((pages / run.cpuSeconds) * 60, 1),
		peakTreeRssMb: Math.round(run.peakTreeRssMb), peakProcesses: run.peakProcesses, load: [loadBefore, getLoad()], failed: run.code !== 0,
	};
}
