/**
 * Measures the tokenizing a run does before the single call of a document that fits one call:
 * `npx tsx scripts/measureFitTokenization.ts <model.gguf> <document>`. A real run (runBatch, a
 * fresh store, real extraction; the checker off) whose engine counts with the model's own tokenizer
 * (LlamaEngine, one thread) but answers each call at once, without generating, and whose context is
 * large enough for the whole document. Prints, without fields and with one field riding on the call,
 * the pipeline's tokenizer calls (prompt counts included), the characters they read and their CPU
 * time; the engine's own tokenizing of the prompt it is sent is not the pipeline's and not counted.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DEFAULT_CONFIG} from '../src/config/defaults.js';
import type {ChatMessage, CompletionRequest, Engine} from '../src/engine/Engine.js';
import {LazyEngine} from '../src/engine/LazyEngine.js';
import {LlamaEngine} from '../src/engine/LlamaEngine.js';
import {ExtractionPool} from '../src/ingest/ExtractionPool.js';
import {runBatch} from '../src/run/runBatch.js';
import {openStore} from '../src/store/Store.js';

const [model = '', document = ''] = process.argv.slice(2);
const llama = await LlamaEngine.create({model, gpu: false, threads: 1, contextSize: 512, parallel: 1});

interface Usage {
	calls: number;
	chars: number;
	cpuMs: number;
}

/** `engine` with a context of `contextSize` tokens, its tokenizing counted into `usage`, and answers made up at once. */
function _countingEngine(engine: Engine, contextSize: number, usage: Usage): Engine {
	const timed = <T>(chars: number, count: () => T): T => {
		const before = process.cpuUsage();
		const result = count();
		const spent = process.cpuUsage(before);
		Object.assign(usage, {calls: usage.calls + 1, chars: usage.chars + chars, cpuMs: usage.cpuMs + (spent.user + spent.system) / 1000});
		return result;
	};
	const answer = (request: CompletionRequest): string => Object.hasOwn((request.jsonSchema as {properties?: object} | undefined)?.properties ?? {}, 'fields')
		? '{"fields": {"amount": null}, "summary": "A short summary."}'
		: 'A short summary.';
	return {
		id: engine.id, contextSize, parallel: 1,
		tokenizer: {...engine.tokenizer, countTokens: text => timed(text.length, () => engine.tokenizer.countTokens(text)), tokenize: text => timed(text.length, () => engine.tokenizer.tokenize(text))},
		countPromptTokens: (messages: readonly ChatMessage[]) => timed(messages.reduce((sum, message) => sum + message.content.length, 0), () => engine.countPromptTokens(messages)),
		complete: async request => ({text: answer(request), promptTokens: 0, outputTokens: 8, durationMs: 0, finishReason: 'stop'}),
		close: async () => undefined,
	};
}

const fields = [{name: 'amount', type: 'number' as const, description: 'The amount the document is about.'}];
for (const [label, pipelineFields] of [['no fields', []], ['one field riding', fields]] as const) {
	const folder = mkdtempSync(join(tmpdir(), 'precis-fit-'));
	const usage: Usage = {calls: 0, chars: 0, cpuMs: 0};
	const config = {...DEFAULT_CONFIG, fields: [...pipelineFields], verify: {...DEFAULT_CONFIG.verify, enabled: false}};
	const store = openStore(join(folder, 'p.db'));
	const pool = ExtractionPool.fromConfig(DEFAULT_CONFIG.extract);
	const result = await runBatch({inputs: [document], config, engine: LazyEngine.of(_countingEngine(llama, 1 << 20, usage)), store, pool});
	await pool.close();
	store.close();
	rmSync(folder, {recursive: true, force: true});
	process.stdout.write(`${label}: ${result.llmCalls} call(s); tokenizer calls ${usage.calls}, characters tokenized ${usage.chars}, tokenizer CPU ${usage.cpuMs.toFixed(0)} ms\n`);
}
await llama.close();
