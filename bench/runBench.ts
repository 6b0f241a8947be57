/**
 * `npm run bench [-- --only=engine,parallel,extract,rerun,memory,langchain,scaleout,verify,ocr,fields]`: measures precis against
 * the engine's own speed, pdftotext, LangChain.js and the tesseract command, side by side in one run on this machine, and
 * writes bench/results/<date>.json plus a short table on stdout. See docs/performance.md.
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {getSyntheticModel} from '../test/helpers/getSyntheticModel.js';
import {getLoad, getMachineInfo} from './lib/getMachineInfo.js';
import {repoRoot} from './lib/runScript.js';
import {writeDocumentPrefixes} from './lib/writeDocumentPrefixes.js';
import {formatReportTable, type BenchReport} from './formatReportTable.js';
import {runCli} from './sections/measureCli.js';
import {measureExtraction} from './sections/measureExtraction.js';
import {measureFields} from './sections/measureFields.js';
import {installLangchain, measureLangchain} from './sections/measureLangchain.js';
import {measureMemory} from './sections/measureMemory.js';
import {measureOcr} from './sections/measureOcr.js';
import {getEfficiency, measureFloor, measureParallelFloor, measurePipeline} from './sections/measurePipeline.js';
import {measureScaleOut} from './sections/measureScaleOut.js';
import {measureServerParallel} from './sections/measureServerParallel.js';
import {measureVerify} from './sections/measureVerify.js';

/** Fixed inputs and settings: the same every run, so runs on one machine compare. */
export const BENCH_SETTINGS = {
	corpus: resolve(repoRoot, '../shared/corpus'),
	documents: ['text/alice29.txt', 'text/lcet10.txt', 'pdf/freeculture.pdf'],
	/** The 1b model reads this many characters of each document (about 2,400 of its tokens: two map chunks and a reduce). */
	prefixChars1b: 4000,
	parallel1b: [1, 2, 4],
	floorRepeats: {tiny: 9, '1b': 2},
	smallFileCounts: [500, 5000],
	langchainDocuments: ['text/alice29.txt', 'pdf/tracemonkey.pdf', 'docx/IllustrativeCases.docx'],
	seed: 1,
	/** OCR speed: image-only letter-size PDFs × pages each; memory: one scan of this many pages. */
	ocr: {documents: 4, pagesPerDocument: 3, longScanPages: 50},
} as const;

const _sections = ['engine', 'parallel', 'extract', 'rerun', 'memory', 'langchain', 'scaleout', 'verify', 'ocr', 'fields'] as const;
type _Section = (typeof _sections)[number];

const only = process.argv.find(arg => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (section: _Section): boolean => only === undefined || only.includes(section);
const pipelineFile = (name: string): string => join(repoRoot, 'bench', 'pipelines', `${name}.yaml`);
const log = (message: string): void => {
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${getLoad()}] ${message}\n`);
};

const startedAt = new Date();
const report: BenchReport = {date: startedAt.toISOString(), command: `npm run bench${only === undefined ? '' : ` -- --only=${only.join(',')}`}`, machine: getMachineInfo(), settings: BENCH_SETTINGS, skipped: {}};
const skipped = report.skipped;
const hasCorpus = existsSync(join(BENCH_SETTINGS.corpus, 'MANIFEST.tsv'));
if (!hasCorpus) log(`no corpus at ${BENCH_SETTINGS.corpus}: skipping every corpus-based figure`);
/** precis names documents by their real path, so the bench does too (through a symlinked corpus no result matched its document). */
const corpusRoot = hasCorpus ? realpathSync(BENCH_SETTINGS.corpus) : BENCH_SETTINGS.corpus;
const corpusFile = (file: string): string => join(corpusRoot, file);
const documents = BENCH_SETTINGS.documents.map(corpusFile);
const workDir = mkdtempSync(join(tmpdir(), 'precis-bench-'));
const tiny = await getSyntheticModel('tiny', BENCH_SETTINGS.seed);

try {
	if (wanted('engine') && hasCorpus) {
		log('1+2. tiny: engine floor, then the pipeline over the three documents');
		const floor = await measureFloor(tiny, pipelineFile('tiny'), BENCH_SETTINGS.floorRepeats.tiny);
		const pipeline = await measurePipeline(tiny, pipelineFile('tiny'), join(workDir, 'tiny.db'), 1, documents);
		report.tiny = {floor, pipeline, ..._getEfficiencies(floor, pipeline)};
	}
	if ((wanted('engine') || wanted('parallel')) && hasCorpus) {
		log('1+3. 1b: engine floor, then the pipeline over document prefixes at each --parallel');
		const model = await getSyntheticModel('1b', BENCH_SETTINGS.seed);
		const folder = join(workDir, 'prefixes');
		mkdirSync(folder);
		const prefixes = await writeDocumentPrefixes(documents, folder, BENCH_SETTINGS.prefixChars1b);
		const floor = await measureFloor(model, pipelineFile('1b'), BENCH_SETTINGS.floorRepeats['1b']);
		log('1b pipeline at --parallel 1, one thread');
		const single = await measurePipeline(model, pipelineFile('1b'), join(workDir, '1b.db'), 1, prefixes);
		report['1b'] = {floor, pipeline: single, ..._getEfficiencies(floor, single), parallel: []};
		if (wanted('parallel')) {
			// Every core, as users run it: on one thread parallel sequences gain nothing (see docs/performance.md).
			const runs = [];
			for (const parallel of BENCH_SETTINGS.parallel1b) {
				log(`1b pipeline at --parallel ${parallel}, every core`);
				runs.push(await measurePipeline(model, pipelineFile('1b-cores'), join(workDir, `1b-cores-p${parallel}.db`), parallel, prefixes));
			}
			const [first] = runs;
			report['1b'].parallel = runs.map(run => ({
				parallel: run.parallel, threads: run.threads, load: run.load, runSeconds: run.runSeconds, documentsPerHour: Math.round((run.documents / run.runSeconds) * 3600),
				tokensPerSecond: Math.round(((run.promptTokensEvaluated + run.outputTokens) / run.runSeconds) * 10) / 10,
				speedup: first === undefined ? 1 : Math.round((first.runSeconds / run.runSeconds) * 100) / 100,
			}));
			// About the pipeline's proportion of prompt to output tokens (8 : 1 on these prefixes).
			const engineParallel = await measureParallelFloor(model, pipelineFile('1b-cores'), BENCH_SETTINGS.parallel1b, 1024);
			report['1b'].engineParallel = engineParallel;
			log('1b: the same through llama-server');
			report['1b'].serverParallel = await measureServerParallel({model, pipelineFile: pipelineFile('1b-cores'), threads: engineParallel.threads, promptTokens: 1024, counts: BENCH_SETTINGS.parallel1b});
		}
	}
	if (wanted('rerun') && hasCorpus) {
		log('5. precis run (the CLI) over the three documents, then again over the unchanged inputs');
		const args = [...documents, '--config', pipelineFile('tiny'), '--model', tiny, '--db', join(workDir, 'cli.db')];
		const first = await runCli(args);
		const rerun = await runCli(args);
		report.rerun = {first, rerun};
	}
	if (wanted('extract') && hasCorpus) {
		log('4. extraction: precis extract vs pdftotext vs pdf-parse over every corpus PDF');
		const folder = corpusFile('pdf');
		const pdfs = readdirSync(folder).filter(name => name.endsWith('.pdf')).sort().map(name => join(folder, name));
		report.extraction = await measureExtraction(pdfs);
	}
	if (wanted('memory')) {
		log('6. memory: freeculture.pdf, 500 and 5,000 small files, a DOCX bomb');
		const freeculture = hasCorpus ? corpusFile('pdf/freeculture.pdf') : undefined;
		report.memory = await measureMemory({workDir, tinyModel: tiny, freeculture, counts: BENCH_SETTINGS.smallFileCounts});
	}
	if (wanted('langchain') && hasCorpus) {
		log('7. LangChain.js map_reduce vs precis on the tiny model');
		const problem = installLangchain();
		if (problem === undefined) {
			const files = BENCH_SETTINGS.langchainDocuments.map(corpusFile);
			const precis = await measurePipeline(tiny, pipelineFile('tiny'), join(workDir, 'langchain-precis.db'), 1, files);
			const langchain = await measureLangchain(tiny, {contextSize: 2048, threads: 1, maxOutputTokens: 64}, files);
			report.langchain = {precis, langchain};
		} else {
			skipped.langchain = problem;
			log(`LangChain skipped: ${problem}`);
		}
	}
	if (wanted('scaleout') && hasCorpus) {
		log('8. the same documents through the local engine and through one and two llama-server processes');
		report.scaleOut = await measureScaleOut({model: tiny, pipelineFile: pipelineFile('tiny'), documents, db: name => join(workDir, `scaleout-${name}.db`)});
	}
	if (wanted('verify') && hasCorpus) {
		log('9. checking a summary against freeculture.pdf (352 pages), and against the same text at 5,000 pages');
		report.verify = await measureVerify(corpusFile('pdf/freeculture.pdf'));
	}
	if (wanted('ocr')) {
		log('10. OCR: precis extract vs the tesseract command on the same 300-DPI scans, then a 50-page scan');
		report.ocr = await measureOcr({workDir, ...BENCH_SETTINGS.ocr});
	}
	if (wanted('fields') && hasCorpus) {
		log('11. fields: model calls and prompt tokens of a summary with 8 fields: riding on its calls, in calls of their own, one call per field');
		report.fields = await measureFields(tiny, pipelineFile('fields'), documents);
	}
} finally {
	rmSync(workDir, {recursive: true, force: true});
}

if (!hasCorpus) skipped.corpus = `no corpus at ${BENCH_SETTINGS.corpus}`;
report.seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
const resultsDir = join(repoRoot, 'bench', 'results');
mkdirSync(resultsDir, {recursive: true});
const file = join(resultsDir, `${startedAt.toISOString().slice(0, 10)}.json`);
writeFileSync(file, `${JSON.stringify(report, null, '\t')}\n`);
process.stdout.write(`${formatReportTable(report)}\nreport: ${file} (${report.seconds} s)\n`);

function _getEfficiencies(floor: Parameters<typeof getEfficiency>[0] & {engine: Parameters<typeof getEfficiency>[0]}, pipeline: Parameters<typeof getEfficiency>[1]) {
	return {
		/** Against the whole process (start, model load, run, close): what a user waits for. */
		efficiency: getEfficiency(floor, pipeline, pipeline.processSeconds),
		/** Against runBatch alone (extraction and summaries, model already loaded). */
		runEfficiency: getEfficiency(floor, pipeline, pipeline.runSeconds),
		/** The same, with LlamaEngine.complete's own rates as the floor: what the pipeline adds around the engine wrapper. */
		runEfficiencyVsEngine: getEfficiency(floor.engine, pipeline, pipeline.runSeconds),
	};
}
