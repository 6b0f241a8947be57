/**
 * Child process: raw node-llama-cpp speed for one model, with the threads, context and batch size
 * the pipeline uses, so that `precis run` can be compared with what the engine alone can do.
 * Prompt rate: a fresh prompt of `promptTokens` tokens evaluated to its first generated token.
 * Output rate: the `outputTokens` tokens generated after it, one at a time.
 * The same is then measured through LlamaEngine.complete (chat template, LlamaChat, stop checks),
 * which separates the cost of the engine wrapper from that of the pipeline around it, with its fixed
 * cost per call (a one-token call on a prompt already evaluated) and the time to count a prompt's tokens.
 * Prints one JSON object on stdout.
 * Usage: measureEngineFloor.ts <model.gguf> <contextSize> <threads> <promptTokens> <outputTokens> <repeats>
 */
import {getLlama, LlamaLogLevel, type Token} from 'node-llama-cpp';
import {LlamaEngine} from '../../src/engine/LlamaEngine.js';
import {createProse} from '../../test/helpers/writeSampleDocuments.js';
import {resolveBenchGpu} from '../lib/resolveBenchGpu.js';

const [modelPath = '', contextArg = '2048', threadsArg = '1', promptArg = '1500', outputArg = '64', repeatsArg = '3'] = process.argv.slice(2);
const contextSize = Number(contextArg);
const threads = Number(threadsArg);
const promptTokens = Number(promptArg);
const outputTokens = Number(outputArg);
const repeats = Number(repeatsArg);

const gpu = await resolveBenchGpu();
const llama = await getLlama({build: 'never', gpu, maxThreads: 0, logLevel: LlamaLogLevel.error});
const model = await llama.loadModel({modelPath});
const context = await model.createContext({sequences: 1, contextSize: contextSize + 1, batchSize: 512, threads});
const sequence = context.getSequence();
const prompts: number[] = [];
const outputs: number[] = [];
for (let run = 0; run < repeats; run++) {
	// A different text each run, so nothing is reused from the previous one.
	const tokens = model.tokenize(createProse(Math.ceil(promptTokens / 8), 1000 + run)).slice(0, promptTokens) as Token[];
	await sequence.clearHistory();
	const started = performance.now();
	let firstAt = 0;
	let generated = 0;
	for await (const _token of sequence.evaluate(tokens, {temperature: 0})) {
		generated++;
		if (generated === 1) firstAt = performance.now();
		if (generated >= outputTokens + 1) break;
	}
	const endedAt = performance.now();
	prompts.push(tokens.length / ((firstAt - started) / 1000));
	outputs.push(outputTokens / ((endedAt - firstAt) / 1000));
}
await context.dispose();
await model.dispose();
await llama.dispose();

const engine = await LlamaEngine.create({model: modelPath, gpu, threads, contextSize, parallel: 1});
const promptOnlyMs: number[] = [];
const fullMs: number[] = [];
/** A call whose whole prompt is already on the sequence, generating one token: LlamaEngine's fixed cost per call. */
const cachedCallMs: number[] = [];
/** Counting a full prompt's tokens, as the summarizer does before each call. */
const countMs: number[] = [];
let engineTokens = 0;
for (let run = 0; run < repeats; run++) {
	// Text sized so the templated prompt is about `promptTokens`; a new text per call, so only the template head is reused.
	const text = engine.tokenizer.detokenize(engine.tokenizer.tokenize(createProse(Math.ceil(promptTokens / 8), 2000 + run)).slice(0, promptTokens - 16));
	const promptOnly = await engine.complete({messages: [{role: 'user', content: `A${run} ${text}`}], maxTokens: 1});
	const full = await engine.complete({messages: [{role: 'user', content: `B${run} ${text}`}], maxTokens: outputTokens});
	engineTokens = promptOnly.promptTokens - (promptOnly.cachedPromptTokens ?? 0);
	promptOnlyMs.push(promptOnly.durationMs);
	fullMs.push(full.durationMs);
	const messages = [{role: 'user' as const, content: `B${run} ${text}`}];
	const countStarted = performance.now();
	engine.countPromptTokens(messages);
	countMs.push(performance.now() - countStarted);
	cachedCallMs.push((await engine.complete({messages, maxTokens: 1})).durationMs);
}
await engine.close();
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
process.stdout.write(`${JSON.stringify({
	promptTokensPerSecond: median(prompts), outputTokensPerSecond: median(outputs),
	// Medians of whole-call durations: under load a per-run difference of two calls can be negative.
	engine: {promptTokensPerSecond: engineTokens / (median(promptOnlyMs) / 1000), outputTokensPerSecond: (outputTokens - 1) / ((median(fullMs) - median(promptOnlyMs)) / 1000), promptOnlyMs, fullMs,
		cachedCallMs: median(cachedCallMs), countPromptTokensMs: median(countMs)},
	prompts, outputs, promptTokens, outputTokens, contextSize, threads, repeats,
})}\n`);
