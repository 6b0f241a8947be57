/**
 * Checks the local engine on each backend with the synthetic tiny model: `npx tsx scripts/checkGpu.ts
 * [auto,cuda,false] [threads]`. Prints, per backend, what loaded, the exact prompt count, speed, determinism
 * across two sequences and the refusal of an over-long prompt, as JSON.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {LlamaEngine} from '../src/engine/LlamaEngine.js';
import type {LocalEngineGpu} from '../src/engine/resolveLocalEngineOptions.js';
import {writeSyntheticModel} from '../src/engine/synthetic/writeSyntheticModel.js';

const backends = (process.argv[2] ?? 'auto,cuda,false').split(',').map(name => (name === 'false' ? false : name) as LocalEngineGpu);
const threads = Number(process.argv[3] ?? 0);
const folder = await mkdtemp(join(tmpdir(), 'precis-check-gpu-'));
const {path: model} = await writeSyntheticModel(join(folder, 'tiny.gguf'), {preset: 'tiny', seed: 1});
const messages = [
	{role: 'system' as const, content: 'You are precis, a careful assistant that writes faithful summaries.'},
	{role: 'user' as const, content: 'Summarize the text between the markers.\n<<<TEXT\nThe water board met on Monday and agreed to lay new pipes in the old town next year, at a cost of two million.\nTEXT>>>'},
];
const results: Record<string, unknown> = {};
for (const gpu of backends) {
	const started = performance.now();
	try {
		const engine = await LlamaEngine.create({model, gpu, threads, contextSize: 4096, parallel: 2});
		const loadMs = Math.round(performance.now() - started);
		const first = await engine.complete({messages, maxTokens: 256});
		const [second, third] = await Promise.all([engine.complete({messages, maxTokens: 256}), engine.complete({messages, maxTokens: 256})]);
		const tooLong = await engine.complete({messages: [{role: 'user', content: 'word '.repeat(6000)}], maxTokens: 16}).then(() => 'not refused', (error: {code?: string}) => error.code);
		results[String(gpu)] = {
			backend: engine.gpu, threads: engine.threads, contextSize: engine.contextSize, loadMs,
			promptTokens: first.promptTokens, counted: engine.countPromptTokens(messages), outputTokens: first.outputTokens,
			outputTokensPerSecond: Math.round(first.outputTokens / (first.durationMs / 1000)),
			sameTextOnTwoSequences: first.text === second.text && second.text === third.text, tooLong, text: first.text.slice(0, 60),
		};
		await engine.close();
	} catch (error) {
		const {code, message} = error as {code?: string; message: string};
		results[String(gpu)] = {error: `${code ?? ''} ${message}`.trim()};
	}
}
await rm(folder, {recursive: true, force: true});
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
