/**
 * Child process: what raw node-llama-cpp gains from parallel sequences, for figure 3. For each
 * count N: one context of N sequences (the pipeline's threads, context and batch size), each given
 * a fresh prompt of `promptTokens` tokens and generating `outputTokens` tokens, all at once
 * (llama.cpp batches them). Tokens a second over the wall time, and the speedup over one sequence,
 * are what the pipeline's own speedup at `--parallel N` is compared with.
 * Prints one JSON object on stdout.
 * Usage: measureParallelFloor.ts <model.gguf> <contextSize> <threads> <promptTokens> <outputTokens> <N,N,...>
 */
import {getLlama, LlamaLogLevel, type LlamaContextSequence, type LlamaModel, type Token} from 'node-llama-cpp';
import {createProse} from '../../test/helpers/writeSampleDocuments.js';
import {toParallelRow, type EngineParallelRow} from '../lib/toParallelRow.js';
import {resolveBenchGpu} from '../lib/resolveBenchGpu.js';

const [modelPath = '', contextArg = '2048', threadsArg = '1', promptArg = '1024', outputArg = '128', countsArg = '1,2,4'] = process.argv.slice(2);
const contextSize = Number(contextArg);

const promptTokens = Number(promptArg);
const outputTokens = Number(outputArg);

const gpu = await resolveBenchGpu();
const llama = await getLlama({build: 'never', gpu, maxThreads: 0, logLevel: LlamaLogLevel.error});
// 0: every physical core, as LlamaEngine resolves it.
const threads = Number(threadsArg) > 0 ? Number(threadsArg) : llama.cpuMathCores;
const model = await llama.loadModel({modelPath});
const rows: EngineParallelRow[] = [];
for (const sequences of countsArg.split(',').map(Number)) {
	const context = await model.createContext({sequences, contextSize: contextSize + 1, batchSize: 512, threads});
	const started = performance.now();
	await Promise.all(Array.from({length: sequences}, (_, index) => _generate(model, context.getSequence(), 3000 + index)));
	const seconds = (performance.now() - started) / 1000;
	await context.dispose();
	rows.push(toParallelRow(sequences, seconds, promptTokens + outputTokens, rows[0]));
}
await model.dispose();
await llama.dispose();
process.stdout.write(`${JSON.stringify({threads, contextSize, promptTokens, outputTokens, rows})}\n`);

/** Evaluates a fresh prompt (a different text per seed, so sequences share nothing) and generates `outputTokens` tokens. */
async function _generate(llamaModel: LlamaModel, sequence: LlamaContextSequence, seed: number): Promise<void> {
	const tokens = llamaModel.tokenize(createProse(Math.ceil(promptTokens / 8), seed)).slice(0, promptTokens) as Token[];
	let generated = 0;
	for await (const _token of sequence.evaluate(tokens, {temperature: 0})) {
		if (++generated >= outputTokens) break;
	}
}
