/**
 * Times readPdf against poppler's `pdftotext` on every PDF of the shared corpus, one file at a time
 * on this machine, and prints per-file wall times, totals and their ratios, wall and CPU (CPU time
 * is steadier on a shared machine). readPdf runs in this one process after a warm-up read (as in a
 * pooled extraction worker); pdftotext runs under /usr/bin/time for its CPU time.
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
// OCR off: pdftotext reads text layers only.
const limits: ExtractLimits = {maxFileBytes: 268435456, maxPages: 5000, maxTextChars: 20000000, maxUnzippedBytes: 268435456, ocr: {mode: 'off', languages: ['eng'], dpi: 300, maxPixels: 40_000_000}};
const files = readdirSync(folder).filter(name => name.endsWith('.pdf')).sort();

interface Timing {
	ms: number;
	cpuMs: number;
}

async function timeReadPdf(path: string): Promise<Timing & {outcome: string}> {
	const bytes = readFileSync(path);
	const start = performance.now();
	const cpu = process.cpuUsage();
	let outcome: string;
	try {
		const result = await readPdf(bytes, {path, limits});
		outcome = `${result.pages.reduce((sum, page) => sum + page.text.length, 0)} chars`;
	} catch (error) {
		outcome = isPipelineError(error) ? error.code : String(error);
	}
	const used = process.cpuUsage(cpu);
	return {ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, outcome};
}

function timePdftotext(path: string): Timing {
	const start = performance.now();
	const run = spawnSync('/usr/bin/time', ['-f', '%U %S', 'pdftotext', '-q', path, '-'], {maxBuffer: 1 << 30, encoding: 'utf8'});
	const ms = performance.now() - start;
	const [user = 0, system = 0] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
	return {ms, cpuMs: (user + system) * 1000};
}

if (files[0] !== undefined) await timeReadPdf(join(folder, files[0]));
const ours: Timing = {ms: 0, cpuMs: 0};
const poppler: Timing = {ms: 0, cpuMs: 0};
for (const name of files) {
	const path = join(folder, name);
	const reference = timePdftotext(path);
	const {ms, cpuMs, outcome} = await timeReadPdf(path);
	ours.ms += ms;
	ours.cpuMs += cpuMs;
	poppler.ms += reference.ms;
	poppler.cpuMs += reference.cpuMs;
	console.log(`${name.padEnd(56)} readPdf ${ms.toFixed(0).padStart(6)} ms  pdftotext ${reference.ms.toFixed(0).padStart(6)} ms  ${(ms / reference.ms).toFixed(2).padStart(6)}x  ${outcome}`);
}
console.log(`\n${files.length} files, wall: readPdf ${ours.ms.toFixed(0)} ms, pdftotext ${poppler.ms.toFixed(0)} ms, ratio ${(ours.ms / poppler.ms).toFixed(2)}x`);
console.log(`${files.length} files, CPU:  readPdf ${ours.cpuMs.toFixed(0)} ms, pdftotext ${poppler.cpuMs.toFixed(0)} ms, ratio ${(ours.cpuMs / poppler.cpuMs).toFixed(2)}x`);
