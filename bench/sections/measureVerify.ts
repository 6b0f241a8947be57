import {DEFAULT_CONFIG} from '../../src/config/defaults.js';
import {readDocument} from '../../src/ingest/readDocument.js';
import {splitSentences} from '../../src/text/splitSentences.js';
import {indexSource} from '../../src/verify/indexSource.js';
import {verifySummary} from '../../src/verify/verifySummary.js';
import {getLoad} from '../lib/getMachineInfo.js';
import {roundTo} from '../lib/roundTo.js';

export interface VerifyCostRow {
	document: string;
	pages: number;
	characters: number;
	statements: number;
	/** Median milliseconds to index the source (once per document) and to check one summary against the index: wall clock, and CPU of this process (less sensitive to a loaded machine). */
	indexMs: number;
	checkMs: number;
	indexCpuMs: number;
	checkCpuMs: number;
	load: number;
}

const _repeats = 5;
const _statements = 12;

/**
 * Figure 9: the cost of checking a summary against the largest corpus document (without a model):
 * indexing its source once, then checking a 12-statement summary (ten sentences taken from across
 * the document, two invented). Also the same text repeated to 5,000 pages, the page limit.
 */
export async function measureVerify(file: string): Promise<VerifyCostRow[]> {
	const {timeoutSeconds: _timeout, maxMemoryMb: _memory, workers: _workers, ...limits} = DEFAULT_CONFIG.extract;
	const document = await readDocument(file, limits);
	const summary = _sampleSummary(document.text);
	const rows = [_measure(file, document.text, document.pageStarts, summary, _repeats)];
	const copies = Math.ceil(5000 / document.pageStarts.length);
	const pageStarts = Array.from({length: 5000}, (_, page) => Math.floor(page / document.pageStarts.length) * (document.text.length + 2) + document.pageStarts[page % document.pageStarts.length]!);
	const long = Array.from({length: copies}, () => document.text).join('\n\n');
	rows.push(_measure(`${file} x${copies} (5,000 pages)`, long, pageStarts, summary, 1));
	return rows;
}

function _measure(name: string, text: string, pageStarts: number[], summary: string, repeats: number): VerifyCostRow {
	const index: Array<{wall: number; cpu: number}> = [];
	const check: Array<{wall: number; cpu: number}> = [];
	let statements = 0;
	for (let run = 0; run < repeats; run++) {
		let started = _now();
		const source = indexSource(text, pageStarts);
		index.push(_since(started));
		started = _now();
		statements = verifySummary(summary, source, {supportThreshold: DEFAULT_CONFIG.verify.supportThreshold}).citations.length;
		check.push(_since(started));
	}
	return {
		document: name, pages: pageStarts.length, characters: text.length, statements,
		indexMs: _median(index.map(time => time.wall)), checkMs: _median(check.map(time => time.wall)),
		indexCpuMs: _median(index.map(time => time.cpu)), checkCpuMs: _median(check.map(time => time.cpu)), load: getLoad(),
	};
}

function _now(): {wall: number; cpu: NodeJS.CpuUsage} {
	return {wall: performance.now(), cpu: process.cpuUsage()};
}

function _since(started: {wall: number; cpu: NodeJS.CpuUsage}): {wall: number; cpu: number} {
	const cpu = process.cpuUsage(started.cpu);
	return {wall: performance.now() - started.wall, cpu: (cpu.user + cpu.system) / 1000};
}

/** Ten sentences of 8 to 40 words from evenly spaced places of the text, and two invented ones. */
function _sampleSummary(text: string): string {
	const sentences = splitSentences(text).map(span => text.slice(span.start, span.end).replaceAll(/\s+/gu, ' ')).filter(sentence => {
		const words = sentence.split(' ').length;
		return words >= 8 && words <= 40;
	});
	const picked = Array.from({length: _statements - 2}, (_, index) => sentences[Math.floor((index + 0.5) * sentences.length / (_statements - 2))]!);
	return [...picked, 'The author received a Nobel Prize in 2019 for this work.', 'Revenue grew 14% to $4.2 billion in the third quarter.'].join(' ');
}

function _median(values: readonly number[]): number {
	const sorted = [...values].sort((left, right) => left - right);
	return roundTo(sorted[Math.floor(sorted.length / 2)]!, 1);
}
