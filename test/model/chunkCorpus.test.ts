import test from 'ava';
import {existsSync} from 'node:fs';
import {readFile, readdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {getLlama, type Llama, type LlamaModel} from 'node-llama-cpp';
import {chunkText, type ChunkTextOptions} from '../../src/chunk/chunkText.js';
import {DEFAULT_CONFIG} from '../../src/config/defaults.js';
import {readDocx} from '../../src/ingest/readers/docx/readDocx.js';
import {readPdf} from '../../src/ingest/readers/pdf/readPdf.js';
import {joinPages} from '../../src/ingest/joinPages.js';
import type {ReaderContext} from '../../src/ingest/SourceDocument.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {findChunkProblems} from '../standalone/chunk/findChunkProblems.js';

const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
/** Extracted by the project's own readers: long book, two columns, tables, German, Arabic, Japanese. */
const pdfFiles = ['freeculture.pdf', 'tracemonkey.pdf', 'i1040nr.pdf', 'GeoTopo-komprimiert.pdf', 'habibi.pdf', 'jo.pdf'];
/** Markdown from DOCX: headings, huge tables, right-to-left text, ruby. */
const docxFiles = ['stress008.docx', 'stress018.docx', 'bug65649.docx', 'stress010.docx', 'testWORD_phonetic.docx', 'testWORD_various.docx'];
const configs: Array<Pick<ChunkTextOptions, 'maxTokens' | 'overlapTokens'>> = [
	{maxTokens: 1000, overlapTokens: 0},
	{maxTokens: 512, overlapTokens: 64},
	{maxTokens: 96, overlapTokens: 24},
];

interface CorpusText {
	name: string;
	text: string;
	pageStarts: number[] | undefined;
}

/** Declared skipped, not passed, where the shared corpus is absent. */
const corpusTest = existsSync(corpusDir) ? test : test.skip;

let llama: Llama | undefined;
let model: LlamaModel | undefined;
let texts: CorpusText[] = [];

test.before(async () => {
	if (!existsSync(corpusDir)) return;
	llama = await getLlama({build: 'never', gpu: false});
	model = await llama.loadModel({modelPath: await getSyntheticModel(), vocabOnly: true});
	texts = await _readCorpusTexts();
});

test.after.always(async () => {
	await model?.dispose();
	await llama?.dispose();
});

corpusTest('corpus: every chunk fits the budget by the synthetic model\'s tokenizer, is exact and covers the text; output is deterministic', t => {
	if (model === undefined) throw new Error('the synthetic model did not load');
	const countTokens = (text: string) => model!.tokenize(text).length;
	for (const config of configs) {
		const fills: number[] = [];
		for (const {name, text, pageStarts} of texts) {
			const options: ChunkTextOptions = {...config, countTokens, pageStarts};
			const chunks = chunkText(text, options);
			t.deepEqual(findChunkProblems(text, chunks, options), [], `${name} at ${JSON.stringify(config)}`);
			for (const chunk of chunks.slice(0, -1)) fills.push(chunk.tokens / config.maxTokens);
			if (config.maxTokens === 512) t.deepEqual(chunkText(text, {...options}), chunks, `${name} chunks again the same`);
		}
		fills.sort((a, b) => a - b);
		const quantile = (share: number) => fills[Math.floor(share * (fills.length - 1))]!;
		const histogram = Array.from({length: 10}, (_, decile) => fills.filter(fill => Math.min(9, Math.floor(fill * 10)) === decile).length);
		t.log(`${JSON.stringify(config)}: ${fills.length} chunks (last of each document left out), fill p5 ${quantile(0.05).toFixed(2)} p10 ${quantile(0.1).toFixed(2)} p50 ${quantile(0.5).toFixed(2)} p90 ${quantile(0.9).toFixed(2)}; by tenths ${histogram.join(' ')}`);
		if (config.maxTokens < 500) continue; // Tiny budgets hold few sentences: fill is only logged.
		t.true(quantile(0.5) >= 0.85, `median fill ${quantile(0.5)}`);
		t.true(quantile(0.1) >= 0.6, `10th percentile fill ${quantile(0.1)}`);
	}
});

corpusTest('corpus: Markdown headings of DOCX and text files become the chunks\' heading paths', t => {
	if (model === undefined) throw new Error('the synthetic model did not load');
	const countTokens = (text: string) => model!.tokenize(text).length;
	for (const name of ['MANUAL.txt', 'stress008.docx']) {
		const {text} = texts.find(entry => entry.name === name)!;
		const firstHeading = /^#{1,6} /mu.exec(text)!.index;
		const chunks = chunkText(text, {maxTokens: 512, countTokens});
		const afterFirstHeading = chunks.filter(chunk => chunk.start >= firstHeading);
		t.true(afterFirstHeading.length > 10 && afterFirstHeading.every(chunk => chunk.headings.length > 0), `${name}: every chunk after the first heading has a heading path`);
		for (const chunk of afterFirstHeading) {
			const title = chunk.headings.at(-1)!;
			const line = text.lastIndexOf(`# ${title}`, chunk.start + 6);
			t.true(line !== -1, `${name}: chunk ${chunk.index} has heading "${title}", a heading line before it`);
		}
	}
});

corpusTest('corpus: chunking the 352-page freeculture.pdf tokenizes about twice its text, in linear work', t => {
	if (model === undefined) throw new Error('the synthetic model did not load');
	const {text} = texts.find(entry => entry.name === 'freeculture.pdf')!;
	const tokenize = (piece: string) => model!.tokenize(piece).length;
	let started = performance.now();
	const wholeTokens = tokenize(text);
	const wholeMs = performance.now() - started;
	for (const config of configs.slice(0, 2)) {
		let calls = 0;
		let characters = 0;
		const countTokens = (piece: string) => {
			calls++;
			characters += piece.length;
			return tokenize(piece);
		};
		started = performance.now();
		const chunks = chunkText(text, {...config, countTokens});
		const ms = performance.now() - started;
		t.log(`${JSON.stringify(config)}: ${text.length} characters, ${wholeTokens} tokens (tokenized whole in ${wholeMs.toFixed(0)} ms) -> ${chunks.length} chunks in ${ms.toFixed(0)} ms, ${calls} countTokens calls, ${characters} characters tokenized (${(characters / text.length).toFixed(2)}x)`);
		t.true(characters <= (config.overlapTokens === 0 ? 2.5 : 4.5) * text.length, `${characters} characters tokenized`);
		t.true(calls <= 12 * chunks.length + text.length / 250, `${calls} calls`);
	}
});

async function _readCorpusTexts(): Promise<CorpusText[]> {
	// Chunking is measured on text layers: OCR (a child process's worker in a run) is left off here, so this process starts no OCR worker.
	const context = (file: string): ReaderContext => ({path: file, limits: {...DEFAULT_CONFIG.extract, ocr: {...DEFAULT_CONFIG.extract.ocr, mode: 'off'}}});
	const texts: CorpusText[] = [];
	for (const name of (await readdir(path.join(corpusDir, 'text'))).sort()) {
		texts.push({name, text: _decodeText(await readFile(path.join(corpusDir, 'text', name))), pageStarts: undefined});
	}
	for (const name of pdfFiles) {
		const file = path.join(corpusDir, 'pdf', name);
		texts.push({name, ...joinPages((await readPdf(await readFile(file), context(file))).pages)});
	}
	for (const name of docxFiles) {
		const file = path.join(corpusDir, 'docx', name);
		texts.push({name, text: joinPages((await readDocx(await readFile(file), context(file))).pages).text, pageStarts: undefined});
	}
	return texts;
}

/** UTF-16 when the bytes start with its byte-order mark, else UTF-8 (invalid bytes become U+FFFD). */
function _decodeText(bytes: Buffer): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	return new TextDecoder('utf-8').decode(bytes);
}
