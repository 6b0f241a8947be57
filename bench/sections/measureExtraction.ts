import {spawnSync} from 'node:child_process';
import {getLoad} from '../lib/getMachineInfo.js';
import {runPrecisMeasured, runScript} from '../lib/runScript.js';
import {roundTo} from '../lib/roundTo.js';

export interface ExtractionResult {
	files: number;
	load: number;
	precisSeconds: number;
	precisFailed: number;
	precisPeakTreeRssMb: number;
	pdftotextSeconds: number;
	pdftotextFailed: number;
	pdfParseSeconds: number;
	pdfParseFailed: number;
	/** precis ÷ pdftotext; the goal is ≤ 1.5. */
	ratio: number;
}

/**
 * Figure 4: `precis extract <pdfs> --json` (ExtractionPool, one process per core) against pdftotext
 * run on the same files one after another, with pdf-parse's default getText() as a reference.
 */
export async function measureExtraction(pdfs: readonly string[]): Promise<ExtractionResult> {
	const load = getLoad();
	const precis = await runPrecisMeasured(['extract', ...pdfs, '--json']);
	const precisFailed = (precis.stderr.match(/^precis: E_/gm) ?? []).length;

	const started = performance.now();
	let pdftotextFailed = 0;
	for (const pdf of pdfs) {
		const result = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], {stdio: ['ignore', 'ignore', 'ignore']});
		if (result.status !== 0) pdftotextFailed++;
	}
	const pdftotextSeconds = (performance.now() - started) / 1000;

	const {run: pdfParseRun, output: pdfParse} = await runScript<{seconds: number; failed: number}>('runPdfParse.ts', pdfs);
	return {
		files: pdfs.length, load,
		precisSeconds: roundTo(precis.wallSeconds, 2), precisFailed, precisPeakTreeRssMb: Math.round(precis.peakTreeRssMb),
		pdftotextSeconds: roundTo(pdftotextSeconds, 2), pdftotextFailed,
		// Process wall time, like precis: module loading included.
		pdfParseSeconds: roundTo(pdfParseRun.wallSeconds, 2), pdfParseFailed: pdfParse.failed,
		ratio: roundTo(precis.wallSeconds / pdftotextSeconds, 2),
	};
}
