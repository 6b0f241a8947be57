import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import type {ChatMessage} from '../../src/engine/Engine.js';
import {LlamaEngine} from '../../src/engine/LlamaEngine.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';

// One engine for the file; tests run serially because they measure its token meters.
let engine: LlamaEngine;
const system: ChatMessage = {role: 'system', content: 'You summarize documents faithfully and briefly.'};
const _ask = (content: string): ChatMessage[] => [system, {role: 'user', content}];

test.before(async () => {
	engine = await LlamaEngine.create({model: await getSyntheticModel('tiny'), contextSize: 512, threads: 1, parallel: 2});
});
test.after.always(() => engine?.close());

test.serial('exposes a stable id, the context size and the parallel sequences', async t => {
	t.regex(engine.id, /^local:[0-9a-f]{32}$/);
	t.is(engine.contextSize, 512, 'exactly the size asked (one more cell is kept free inside, so the context never shifts)');
	t.is(engine.parallel, 2);
	t.is(engine.threads, 1);
	const again = await LlamaEngine.create({model: engine.modelPath, contextSize: 256, threads: 1});
	t.teardown(() => again.close());
	t.is(again.id, engine.id, 'the id depends only on the model file');
});

test.serial('countPromptTokens is exactly what the model evaluates; a shared prefix is not evaluated again', async t => {
	const messages = _ask('Summarize the quarterly report about sales growth.');
	const promptTokens = engine.countPromptTokens(messages);
	t.true(promptTokens > engine.tokenizer.countTokens(messages[1]!.content), 'the chat template adds tokens');

	const before = engine.getTokenUsage();
	const first = await engine.complete({messages, maxTokens: 1});
	const afterFirst = engine.getTokenUsage();
	t.is(first.promptTokens, promptTokens);
	t.is(afterFirst.evaluatedTokens - before.evaluatedTokens, promptTokens - first.cachedPromptTokens!);

	const followUp = _ask('Summarize the quarterly report about sales risks.');
	const second = await engine.complete({messages: followUp, maxTokens: 5});
	const afterSecond = engine.getTokenUsage();
	t.true(second.cachedPromptTokens! > engine.countPromptTokens([system]) - 2, 'the system prompt and shared words are reused');
	// Generated tokens are fed back as input, except the last one.
	t.is(afterSecond.evaluatedTokens - afterFirst.evaluatedTokens, second.promptTokens - second.cachedPromptTokens! + (second.outputTokens - 1));
	t.is(afterSecond.generatedTokens - afterFirst.generatedTokens, 5);
});

test.serial('a prompt that does not fit is refused with E_PROMPT_TOO_LONG before any evaluation', async t => {
	const messages = _ask('the summary of the report '.repeat(60));
	const promptTokens = engine.countPromptTokens(messages);
	t.true(promptTokens < engine.contextSize);
	const before = engine.getTokenUsage();
	const error = await t.throwsAsync(engine.complete({messages, maxTokens: engine.contextSize - promptTokens + 1}), {code: 'E_PROMPT_TOO_LONG'});
	t.true(error.message.includes(String(promptTokens)));
	t.deepEqual(engine.getTokenUsage(), before, 'nothing was evaluated');

	const fits = await engine.complete({messages, maxTokens: engine.contextSize - promptTokens});
	t.is(fits.outputTokens, engine.contextSize - promptTokens, 'the exact limit runs to the end without shifting');
});

test.serial('maxTokens is respected and reported as finishReason length', async t => {
	const result = await engine.complete({messages: _ask('Write a long essay about the project budget.'), maxTokens: 7});
	t.is(result.outputTokens, 7);
	t.is(result.finishReason, 'length');
	t.true(result.text.length > 0);
	t.true(result.durationMs > 0);
	await t.throwsAsync(engine.complete({messages: _ask('x'), maxTokens: 0}), {code: 'E_GENERATION_FAILED'});
});

test.serial('greedy output is the same for the same request, also when two calls run on two sequences', async t => {
	const messages = _ask('Summarize the meeting notes about the contract review.');
	const serial = await engine.complete({messages, maxTokens: 24});
	const parallel = await Promise.all([engine.complete({messages, maxTokens: 24}), engine.complete({messages, maxTokens: 24})]);
	t.is(parallel[0].text, serial.text);
	t.is(parallel[1].text, serial.text);
	t.not(parallel[0].cachedPromptTokens, parallel[1].cachedPromptTokens, 'the calls ran on different sequences');
});

test.serial('sampling with a temperature is reproducible for a seed', async t => {
	const messages = _ask('Describe the market.');
	const [a, b, c] = await Promise.all([1, 1, 2].map(seed => engine.complete({messages, maxTokens: 20, temperature: 1, seed})));
	t.is(a!.text, b!.text);
	t.not(a!.text, c!.text);
});

test.serial('a JSON schema constrains the output to parseable JSON', async t => {
	const jsonSchema = {
		type: 'object',
		properties: {verdict: {enum: ['yes', 'no']}, flagged: {type: 'boolean'}, title: {type: 'string', maxLength: 24}},
		required: ['verdict', 'flagged', 'title'],
	};
	const result = await engine.complete({messages: _ask('Is the report complete? Answer in JSON.'), maxTokens: 80, jsonSchema});
	t.is(result.finishReason, 'stop');
	const parsed = JSON.parse(result.text) as {verdict: string; flagged: unknown; title: string};
	t.true(['yes', 'no'].includes(parsed.verdict));
	t.is(typeof parsed.flagged, 'boolean');
	t.true(parsed.title.length <= 24);
});

test.serial('an aborted call fails with E_INTERRUPTED', async t => {
	const controller = new AbortController();
	controller.abort();
	await t.throwsAsync(engine.complete({messages: _ask('Summarize.'), maxTokens: 50, signal: controller.signal}), {code: 'E_INTERRUPTED'});
});

test.serial('close is safe twice and refuses later calls', async t => {
	const other = await LlamaEngine.create({model: engine.modelPath, contextSize: 256, threads: 1});
	await other.close();
	await t.notThrowsAsync(other.close());
	await t.throwsAsync(other.complete({messages: _ask('Summarize.'), maxTokens: 5}), {code: 'E_ENGINE_UNAVAILABLE'});
});

test.serial('a truncated model file fails with E_MODEL_LOAD naming the file', async t => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'precis-engine-'));
	t.teardown(() => fs.rm(dir, {recursive: true, force: true}));
	const broken = path.join(dir, 'truncated.gguf');
	await fs.writeFile(broken, (await fs.readFile(engine.modelPath)).subarray(0, 50_000));
	const error = await t.throwsAsync(LlamaEngine.create({model: broken, threads: 1}), {code: 'E_MODEL_LOAD'});
	t.true(error.message.includes(broken));
});

test.serial('a model file with a garbled GGUF header fails at once with E_MODEL_LOAD saying why (fails before: node-llama-cpp was busy for minutes, then the process crashed)', async t => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'precis-engine-'));
	t.teardown(() => fs.rm(dir, {recursive: true, force: true}));
	const garbled = path.join(dir, 'garbled.gguf');
	await fs.writeFile(garbled, 'GGUF garbage');
	const error = await t.throwsAsync(LlamaEngine.create({model: garbled, threads: 1}), {code: 'E_MODEL_LOAD'});
	t.true(error.message.startsWith(`cannot load model ${garbled} (it is 12 bytes long, shorter than a GGUF header)`), error.message);
});

test.serial('invalid options are rejected together with E_CONFIG_INVALID', async t => {
	const error = await t.throwsAsync(LlamaEngine.create({model: engine.modelPath, threads: -1, parallel: 0}), {code: 'E_CONFIG_INVALID'});
	t.true(error.message.includes('threads') && error.message.includes('parallel'));
});
