import {resolveConfig} from '../../src/config/resolveConfig.js';
import {startLlamaServer} from '../../scripts/testServer/startLlamaServer.js';
import {createProse} from '../../test/helpers/writeSampleDocuments.js';
import {getLoad} from '../lib/getMachineInfo.js';
import type {ParallelFloorResult} from './measurePipeline.js';
import {toParallelRow} from '../lib/toParallelRow.js';

export interface ServerParallelOptions {
	model: string;
	/** The pipeline whose context and output tokens are used. */
	pipelineFile: string;
	/** CPU threads of the server: the same as the in-process floor it is compared with. */
	threads: number;
	promptTokens: number;
	counts: readonly number[];
}

/**
 * Figure 3, the same work as `children/measureParallelFloor.ts` served by llama.cpp's own
 * llama-server (built from node-llama-cpp's bundled llama.cpp): N requests at once to one server
 * with as many slots, each a fresh prompt of `promptTokens` token ids and `outputTokens` generated
 * tokens. It shows what llama.cpp gains from parallel sequences on this CPU outside node-llama-cpp.
 */
export async function measureServerParallel(options: ServerParallelOptions): Promise<ParallelFloorResult> {
	const {config} = resolveConfig({config: options.pipelineFile});
	const outputTokens = config.summarize.maxOutputTokens;
	const load = getLoad();
	const server = await startLlamaServer({model: options.model, parallel: Math.max(...options.counts), contextSize: config.engine.contextSize, threads: options.threads});
	try {
		const base = server.url.replace(/\/v1$/, '');
		const generate = async (seed: number): Promise<void> => {
			const tokenized = await _postJson<{tokens: number[]}>(`${base}/tokenize`, {content: createProse(Math.ceil(options.promptTokens / 4), seed)});
			const prompt = tokenized.tokens.slice(0, options.promptTokens);
			const answer = await _postJson<{usage?: {completion_tokens?: number}}>(`${server.url}/completions`, {
				prompt, max_tokens: outputTokens, temperature: 0, cache_prompt: false, ignore_eos: true,
			});
			if (answer.usage?.completion_tokens !== outputTokens) throw new Error(`llama-server generated ${answer.usage?.completion_tokens} tokens, expected ${outputTokens}`);
		};
		await generate(1);
		const rows: ParallelFloorResult['rows'] = [];
		for (const sequences of options.counts) {
			const started = performance.now();
			await Promise.all(Array.from({length: sequences}, (_, index) => generate(3000 + sequences * 10 + index)));
			const seconds = (performance.now() - started) / 1000;
			rows.push(toParallelRow(sequences, seconds, options.promptTokens + outputTokens, rows[0]));
		}
		return {load, threads: options.threads, promptTokens: options.promptTokens, outputTokens, rows};
	} finally {
		await server.stop();
	}
}

async function _postJson<T>(url: string, body: unknown): Promise<T> {
	const response = await fetch(url, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
	if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
	return (await response.json()) as T;
}
