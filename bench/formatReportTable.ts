import type {MachineInfo} from './lib/getMachineInfo.js';
import type {CliRunResult} from './sections/measureCli.js';
import type {ExtractionResult} from './sections/measureExtraction.js';
import type {FieldsResult} from './sections/measureFields.js';
import type {LangchainResult} from './sections/measureLangchain.js';
import type {MemoryResult} from './sections/measureMemory.js';
import type {OcrResult} from './sections/measureOcr.js';
import type {FloorResult, ParallelFloorResult, PipelineResult} from './sections/measurePipeline.js';
import type {ScaleOutRow} from './sections/measureScaleOut.js';
import type {VerifyCostRow} from './sections/measureVerify.js';

export interface ModelFigures {
	floor: FloorResult;
	pipeline: PipelineResult | undefined;
	efficiency?: number;
	runEfficiency?: number;
	runEfficiencyVsEngine?: number;
}

export interface ParallelRow {
	parallel: number;
	threads: number;
	load: number;
	runSeconds: number;
	documentsPerHour: number;
	tokensPerSecond: number;
	speedup: number;
}

export interface BenchReport {
	date: string;
	command: string;
	machine: MachineInfo;
	settings: object;
	skipped: Record<string, string>;
	seconds?: number;
	tiny?: ModelFigures;
	'1b'?: ModelFigures & {parallel: ParallelRow[]; engineParallel?: ParallelFloorResult | undefined; serverParallel?: ParallelFloorResult | undefined};
	rerun?: {first: CliRunResult; rerun: CliRunResult};
	extraction?: ExtractionResult;
	memory?: MemoryResult;
	langchain?: {precis: PipelineResult; langchain: LangchainResult};
	scaleOut?: ScaleOutRow[];
	verify?: VerifyCostRow[];
	ocr?: OcrResult;
	fields?: FieldsResult;
}

type _Row = [figure: string, measured: string, goal: string, load: string];

/** The report as a Markdown table (figure, measured, goal, 1-minute load average when measured). */
export function formatReportTable(report: BenchReport): string {
	const rows: _Row[] = [];
	const load = (value: number | undefined): string => (value === undefined ? '' : value.toFixed(2));
	for (const name of ['tiny', '1b'] as const) {
		const figures = report[name];
		if (figures === undefined) continue;
		const {floor, pipeline} = figures;
		rows.push([`1. ${name}: engine floor (raw node-llama-cpp; LlamaEngine)`, `prompt ${_n(floor.promptTokensPerSecond)} tok/s, output ${_n(floor.outputTokensPerSecond)} tok/s; LlamaEngine ${_n(floor.engine.promptTokensPerSecond)} / ${_n(floor.engine.outputTokensPerSecond)} tok/s, fixed cost ${floor.engine.cachedCallMs.toFixed(1)} ms a call, counting a prompt ${floor.engine.countPromptTokensMs.toFixed(2)} ms`, '', load(floor.load)]);
		if (pipeline === undefined) continue;
		rows.push([`1. ${name}: pipeline (--parallel 1)`, `${pipeline.documents} docs, ${pipeline.calls} calls, ${pipeline.promptTokensEvaluated} prompt tok evaluated (${pipeline.promptTokensSent} sent), ${pipeline.outputTokens} output tok; run ${pipeline.runSeconds} s (in engine calls ${pipeline.callSeconds} s), process ${pipeline.processSeconds} s (model load ${pipeline.modelLoadSeconds} s)`, '', load(pipeline.load)]);
		rows.push([`1. ${name}: efficiency, process / run / run vs LlamaEngine`, `${figures.efficiency} / ${figures.runEfficiency} / ${figures.runEfficiencyVsEngine}`, '≥ 0.90', load(pipeline.load)]);
		for (const document of pipeline.perDocument) {
			rows.push([`2. ${name}: tokens evaluated ÷ document tokens, ${document.title}`, `${document.ratio} (${document.evaluated} / ${document.documentTokens}; ${document.chunks} chunks, ${document.collapseLevels} collapse levels, ${document.calls} calls)`, '≤ 1.15', load(pipeline.load)]);
		}
		rows.push([`2. ${name}: tokens evaluated ÷ document tokens, overall`, String(pipeline.tokenRatio), '≤ 1.15', load(pipeline.load)]);
	}
	for (const row of report['1b']?.parallel ?? []) {
		rows.push([`3. 1b: --parallel ${row.parallel}, ${row.threads} threads`, `${row.runSeconds} s, ${row.documentsPerHour} docs/h, ${row.tokensPerSecond} tok/s, ×${row.speedup}`, '', load(row.load)]);
	}
	for (const [engine, floor] of [['node-llama-cpp alone', report['1b']?.engineParallel], ['llama-server alone', report['1b']?.serverParallel]] as const) {
		for (const row of floor?.rows ?? []) {
			rows.push([`3. 1b: ${engine}, ${row.sequences} sequences × (${floor?.promptTokens} prompt + ${floor?.outputTokens} output tok), ${floor?.threads} threads`, `${row.seconds} s, ${row.tokensPerSecond} tok/s, ×${row.speedup}`, '', load(floor?.load)]);
		}
	}
	const extraction = report.extraction;
	if (extraction !== undefined) {
		rows.push([`4. extract ${extraction.files} corpus PDFs: precis / pdftotext / pdf-parse`, `${extraction.precisSeconds} s / ${extraction.pdftotextSeconds} s / ${extraction.pdfParseSeconds} s (failed ${extraction.precisFailed} / ${extraction.pdftotextFailed} / ${extraction.pdfParseFailed})`, '', load(extraction.load)]);
		rows.push(['4. precis ÷ pdftotext', `${extraction.ratio}`, '≤ 1.5', load(extraction.load)]);
	}
	if (report.rerun !== undefined) {
		const {first, rerun} = report.rerun;
		rows.push(['5. precis run (CLI), 3 documents, tiny', `${first.wallSeconds} s, ${first.llmCalls} calls, peak ${first.peakTreeRssMb} MiB`, '', load(first.load)]);
		rows.push(['5. rerun over unchanged inputs', `${rerun.wallSeconds} s, ${rerun.llmCalls} model calls, ${rerun.documents?.skipped} skipped`, '0 calls', load(rerun.load)]);
	}
	const memory = report.memory;
	if (memory !== undefined) {
		if (memory.freeculture !== undefined) rows.push(['6. peak RSS, precis extract freeculture.pdf (tree)', `${memory.freeculture.peakTreeRssMb} MiB, ${memory.freeculture.wallSeconds} s`, '', load(memory.freeculture.load)]);
		for (const run of memory.smallFiles) rows.push([`6. peak RSS, precis run ${run.files} small files (tree)`, `${run.peakTreeRssMb} MiB (CLI alone ${run.peakRootRssMb} MiB), ${run.wallSeconds} s, ${run.documents?.done} done`, 'flat', load(run.load)]);
		rows.push([`6. peak RSS, precis extract DOCX bomb (${memory.docxBomb.inflatedMiB} MiB inflated)`, `${memory.docxBomb.peakTreeRssMb} MiB, ${memory.docxBomb.wallSeconds} s, ${memory.docxBomb.errors.join(',') || 'no error'}`, 'E_TOO_LARGE', load(memory.docxBomb.load)]);
	}
	if (report.langchain !== undefined) {
		const {precis, langchain} = report.langchain;
		rows.push(['7. precis (tiny, 3 docs incl. PDF+DOCX)', `${precis.calls} calls, ${precis.promptTokensEvaluated} prompt tok evaluated, ${precis.outputTokens} output tok, ${precis.processSeconds} s`, '', load(precis.load)]);
		rows.push(['7. LangChain.js map_reduce (same)', `${langchain.calls} calls, ${langchain.evaluatedInputTokens} prompt tok evaluated, ${langchain.outputTokens} output tok, ${_n(langchain.wallSeconds)} s${langchain.tokenEstimateFallback ? ' (tiktoken unreachable: LangChain counted tokens as chars ÷ 4)' : ''}`, '', load(langchain.load)]);
		for (const document of langchain.perDocument) {
			const ours = precis.perDocument.find(row => row.path === document.file);
			rows.push([`7. ${document.file.split('/').pop()}: LangChain / precis`, `${document.chunks} / ${ours?.chunks ?? '?'} chunks, ${document.calls} / ${ours?.calls ?? '?'} calls`, '', '']);
		}
	}
	const {fields} = report;
	if (fields !== undefined) {
		const {riding, separate, perField} = fields;
		rows.push([`11. summary + ${fields.fields} fields, ${fields.documents.length} docs: riding / own calls / one call per field`, `${riding.calls} / ${separate.calls} / ${perField.calls} calls, ${riding.promptTokens} / ${separate.promptTokens} / ${perField.promptTokens} prompt tok`, 'fewer than per field', load(fields.load)]);
	}
	for (const row of report.scaleOut ?? []) {
		rows.push([`8. ${row.engine}, 3 docs, tiny`, `${row.run.runSeconds ?? '?'} s, ${row.run.llmCalls ?? '?'} calls: ${row.callsPerSecond ?? '?'} calls/s, ${row.promptTokensPerSecond ?? '?'} prompt tok/s, ${row.outputTokensPerSecond ?? '?'} output tok/s`, '', load(row.run.load)]);
	}
	for (const row of report.verify ?? []) {
		rows.push([`9. verify: ${row.document.split('/').pop()}, ${row.pages} pages, ${row.statements} statements`, `index the source ${row.indexMs} ms (CPU ${row.indexCpuMs} ms), check the summary ${row.checkMs} ms (CPU ${row.checkCpuMs} ms)`, 'well under 1 s at 350 pages', load(row.load)]);
	}
	const ocr = report.ocr;
	if (ocr !== undefined) {
		const runs = `${ocr.pages} clean ${ocr.dpi}-DPI letter pages in ${ocr.documents} PDFs, ${ocr.processes} processes`;
		const loads = (run: {load: [number, number]}): string => run.load.map(value => value.toFixed(2)).join('→');
		rows.push([`10. OCR ${runs}: precis`, `${ocr.precis.pagesPerCpuMinute} pages/CPU-min (${ocr.precis.cpuSeconds} s CPU), ${ocr.precis.pagesPerMinute} pages/min (${ocr.precis.seconds} s wall)`, '', loads(ocr.precis)]);
		rows.push(['10. OCR the tesseract command, same data', `${ocr.tesseract.pagesPerCpuMinute} pages/CPU-min (${ocr.tesseract.cpuSeconds} s CPU), ${ocr.tesseract.pagesPerMinute} pages/min (${ocr.tesseract.seconds} s wall)`, '', loads(ocr.tesseract)]);
		if (ocr.tesseractDebianData !== undefined) {
			const debian = ocr.tesseractDebianData;
			rows.push(['10. OCR the tesseract command, Debian\'s eng data', `${debian.pagesPerCpuMinute} pages/CPU-min (${debian.cpuSeconds} s CPU), ${debian.pagesPerMinute} pages/min (${debian.seconds} s wall), recall ${debian.wordRecall}`, '', loads(debian)]);
		}
		rows.push(['10. OCR precis ÷ tesseract command: CPU time (wall time)', `${ocr.cpuRatio} (${ocr.wallRatio})`, '≤ 1.5', loads(ocr.precis)]);
		rows.push(['10. OCR word recall, precis / tesseract command', `${ocr.precis.wordRecall} / ${ocr.tesseract.wordRecall}`, '≥ 0.95', loads(ocr.precis)]);
		const long = ocr.longScan;
		rows.push([`10. OCR peak RSS, precis extract of a ${long.pages}-page scan (tree)`, `${long.peakTreeRssMb} MiB, ${long.peakProcesses} processes; ${long.seconds} s wall, ${long.cpuSeconds} s CPU (${long.pagesPerCpuMinute} pages/CPU-min)${long.failed ? ', FAILED' : ''}`, '< 1024 MiB', loads(long)]);
	}
	for (const [what, why] of Object.entries(report.skipped)) rows.push([`skipped: ${what}`, why, '', '']);
	const lines = [['Figure', 'Measured', 'Goal', 'Load'], ['---', '---', '---', '---'], ...rows];
	return lines.map(cells => `| ${cells.join(' | ')} |`).join('\n');
}

function _n(value: number): string {
	return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
}
