/**
 * Times readPdf against poppler's `pdftotext` on every PDF of the shared corpus, one file at a time
 * on this machine, and prints per-file times, totals and their ratio. readPdf runs in this one
 * process after a warm-up read (as in a pooled extraction worker).
 * Usage: npx tsx scripts/timePdfReader.ts [corpus folder, default ../shared/corpus/pdf]
 */
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {isPipelineError} from '../src/errors.js';
import {readPdf} from '../src/ingest/readers/pdf/readPdf.js';
import type {ExtractLimits} from '../src/ingest/SourceDocument.js';

const folder = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus/pdf/', import.meta.url));
const limits: ExtractLimits = {maxFileBytes: 268435456, maxPages: 5000, maxTextChars: 20000000, maxUnzippedBytes: 268435456};
const files = readdirSync(folder).filter(name => name.endsWith('.pdf')).sort();

async function timeReadPdf(path: string): Promise<{ms: number; outcome: string}> {
	const bytes = readFileSync(path);
	const start = performance.now();
	try {
		const result = await readPdf(bytes, {path, limits});
		return {ms: performance.now() - start, outcome: `${result.pages.reduce((sum, page) => sum + page.text.length, 0)} chars`};
	} catch (error) {
		return {ms: performance.now() - start, outcome: isPipelineError(error) ? error.code : String(error)};
	}
}

function timePdftotext(path: string): number {
	const start = performance.now();
	spawnSync('pdftotext', ['-q', path, '-'], {maxBuffer: 1 << 30});
	return performance.now() - start;
}

if (files[0] !== undefined) await timeReadPdf(join(folder, files[0]));
let totalOurs = 0;
let totalPoppler = 0;
for (const name of files) {
	const path = join(folder, name);
	const poppler = timePdftotext(path);
	const {ms, outcome} = await timeReadPdf(path);
	totalOurs += ms;
	totalPoppler += poppler;
	console.log(`${name.padEnd(56)} readPdf ${ms.toFixed(0).padStart(6)} ms  pdftotext ${poppler.toFixed(0).padStart(6)} ms  ${(ms / poppler).toFixed(2).padStart(6)}x  ${outcome}`);
}
console.log(`\n${files.length} files: readPdf ${totalOurs.toFixed(0)} ms, pdftotext ${totalPoppler.toFixed(0)} ms, ratio ${(totalOurs / totalPoppler).toFixed(2)}x`);
