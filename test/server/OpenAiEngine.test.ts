import test, {type ExecutionContext} from 'ava';
import type {ChatMessage} from '../../src/engine/Engine.js';
import {LlamaEngine} from '../../src/engine/LlamaEngine.js';
import type {EngineError} from '../../src/errors.js';
import {OpenAiEngine} from '../../src/engine/openai/OpenAiEngine.js';
import type {OpenAiEngineOptions} from '../../src/engine/openai/resolveOpenAiEngineOptions.js';
import {getFreePort, startLlamaServer, type LlamaServer, type StartLlamaServerOptions} from '../../scripts/testServer/startLlamaServer.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {startFailingProxy} from '../helpers/startFailingProxy.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

const model = await getSyntheticModel('tiny');
const messages: ChatMessage[] = [{role: 'system', content: 'Summarize the text in one sentence.'}, {role: 'user', content: createProse(6, 1)}];
/** The first test builds llama-server when it is not cached (about 8 min on 2 cores, more under load). */
const _buildTimeoutMs = 40 * 60_000;

async function startServer(t: ExecutionContext, options: Partial<StartLlamaServerOptions> = {}): Promise<LlamaServer> {
	t.timeout(_buildTimeoutMs, 'llama-server is built on first use');
	const server = await startLlamaServer({model, contextSize: 1024, ...options});
	t.teardown(() => server.stop());
	t.timeout(3 * 60_000);
	return server;
}

async function createEngine(t: ExecutionContext, options: Partial<OpenAiEngineOptions> & {baseUrls: string[]}): Promise<{engine: OpenAiEngine; lines: string[]}> {
	const lines: string[] = [];
	const engine = await OpenAiEngine.create({tokenizer: model, retryBaseMs: 20, log: line => lines.push(line), ...options});
	t.teardown(() => engine.close());
	return {engine, lines};
}

test.serial('a call through llama-server: the server evaluates exactly the prompt tokens counted here', async t => {
	const server = await startServer(t, {parallel: 2});
	const {engine, lines} = await createEngine(t, {baseUrls: [server.url]});
	t.like(engine, {parallel: 2, contextSize: 1024}, 'slots and per-slot context come from /props');
	t.regex(engine.id, /^openai:[0-9a-f]{32}$/, 'no model name configured: the fingerprint alone');
	const counted = engine.countPromptTokens(messages);
	const result = await engine.complete({messages, maxTokens: 24});
	t.is(result.promptTokens, counted, 'usage.prompt_tokens equals the local count');
	t.true(result.outputTokens > 0 && result.outputTokens <= 24);
	t.is(result.finishReason, result.outputTokens === 24 ? 'length' : 'stop');
	t.false(lines.some(line => line.includes('prompt tokens where')), lines.join('\n'));
	const again = await engine.complete({messages, maxTokens: 24});
	t.is(again.text, result.text, 'greedy decoding repeats itself');
	const local = await LlamaEngine.create({model, threads: 1, parallel: 1, contextSize: 1024, gpu: false});
	t.teardown(() => local.close());
	t.is(local.countPromptTokens(messages), counted, 'the same count as the local engine on the same GGUF');
	t.not(local.id, engine.id);
});

test.serial('the tokenizer comes from the model file the server reports, and says so', async t => {
	const server = await startServer(t);
	const {engine, lines} = await createEngine(t, {baseUrls: [server.url], tokenizer: ''});
	t.true(lines.some(line => line.includes(model) && line.includes('/props')), lines.join('\n'));
	const {engine: explicit} = await createEngine(t, {baseUrls: [server.url]});
	t.is(engine.id, explicit.id);
	const {engine: named} = await createEngine(t, {baseUrls: [server.url], apiModel: 'precis-tiny'});
	t.is(named.id, engine.id.replace('openai:', 'openai:precis-tiny:'), 'a configured model name is part of the id');
	t.true((await named.complete({messages, maxTokens: 4})).outputTokens > 0);
});

test.serial('a JSON schema constrains the output', async t => {
	const server = await startServer(t);
	const {engine} = await createEngine(t, {baseUrls: [server.url]});
	const schema = {type: 'object', properties: {title: {type: 'string', maxLength: 12}}, required: ['title'], additionalProperties: false};
	const result = await engine.complete({messages, maxTokens: 64, jsonSchema: schema});
	t.regex(result.text, /^\s*\{\s*"title"\s*:\s*"/, result.text);
	if (result.finishReason === 'stop') t.notThrows(() => JSON.parse(result.text) as unknown);
});

test.serial('a prompt that fits the context exactly runs; one token more is refused before any request', async t => {
	const server = await startServer(t, {contextSize: 256});
	const {engine, lines} = await createEngine(t, {baseUrls: [server.url]});
	const shortMessages: ChatMessage[] = [{role: 'user', content: createProse(2, 3)}];
	const prompt = engine.countPromptTokens(shortMessages);
	t.true(prompt < 200, `prompt of ${prompt} tokens`);
	const result = await engine.complete({messages: shortMessages, maxTokens: 256 - prompt});
	t.true(result.promptTokens + result.outputTokens <= 256);
	const refused = await t.throwsAsync<EngineError>(engine.complete({messages: shortMessages, maxTokens: 257 - prompt}), {code: 'E_PROMPT_TOO_LONG'});
	t.false(refused?.retryable);
	t.false(lines.some(line => line.startsWith('retry')));
	const {engine: smaller} = await createEngine(t, {baseUrls: [server.url], contextSize: 200});
	t.is(smaller.contextSize, 200, 'engine.contextSize may ask for less than a slot holds');
	const tooLarge = await t.throwsAsync(OpenAiEngine.create({baseUrls: [server.url], tokenizer: model, contextSize: 300, log: () => undefined}), {code: 'E_CONFIG_INVALID'});
	t.regex(tooLarge?.message ?? '', /engine\.contextSize: expected at most 256/);
});

test.serial('HTTP 400 exceed_context_size_error becomes E_PROMPT_TOO_LONG and is not retried', async t => {
	const large = await startServer(t, {contextSize: 1024});
	const {engine, lines} = await createEngine(t, {baseUrls: [large.url], maxRetries: 3});
	// The same port now serves a smaller context than the engine was told: only the server can refuse.
	await large.stop();
	await startServer(t, {contextSize: 128, port: large.port});
	const longMessages: ChatMessage[] = [{role: 'user', content: createProse(12, 5)}];
	t.true(engine.countPromptTokens(longMessages) > 128);
	const error = await t.throwsAsync<EngineError>(engine.complete({messages: longMessages, maxTokens: 8}), {code: 'E_PROMPT_TOO_LONG'});
	t.regex(error?.message ?? '', /answered 400/);
	t.true(error?.message.includes(large.url));
	t.false(error?.retryable);
	t.false(lines.some(line => line.startsWith('retry')), lines.join('\n'));
});

test.serial('HTTP 500 is retried with backoff, then fails the call with E_GENERATION_FAILED naming the server', async t => {
	// A real llama-server behind a proxy that answers its completions with 500 (a bias towards an
	// unencodable byte token did it in llama.cpp v0.4.0; later releases answer such output with 200).
	const healthy = await startServer(t);
	const sickUrl = await startFailingProxy(t, healthy.url, 500);
	const {engine, lines} = await createEngine(t, {baseUrls: [sickUrl], maxRetries: 2});
	const error = await t.throwsAsync<EngineError>(engine.complete({messages, maxTokens: 8}), {code: 'E_GENERATION_FAILED'});
	t.regex(error?.message ?? '', /failed 3 times, last: .*answered 500/);
	t.true(error?.message.includes(sickUrl));
	t.true(error?.retryable, 'the document is taken up again by the next run');
	t.is(lines.filter(line => line.startsWith('retry')).length, 2, lines.join('\n'));

	const {engine: both} = await createEngine(t, {baseUrls: [sickUrl, healthy.url], maxRetries: 2});
	const results = await Promise.all(Array.from({length: 3}, () => both.complete({messages, maxTokens: 8})));
	t.true(results.every(result => result.outputTokens > 0), 'calls that meet the sick server are retried on the healthy one');
});

test.serial('a killed server: retries, then a clear E_ENGINE_UNAVAILABLE for that call', async t => {
	const server = await startServer(t);
	const {engine, lines} = await createEngine(t, {baseUrls: [server.url], maxRetries: 3});
	await server.stop();
	const error = await t.throwsAsync<EngineError>(engine.complete({messages, maxTokens: 8}), {code: 'E_ENGINE_UNAVAILABLE'});
	t.true(error?.message.includes(`cannot reach ${server.url}/completions`), error?.message);
	t.true(error?.message.includes('check that the servers run'));
	t.true(error?.retryable, 'the document is taken up again by the next run');
	t.is(lines.filter(line => line.startsWith('retry')).length, 3);
	t.true(lines.some(line => line.startsWith(`${server.url} is out of rotation`)), lines.join('\n'));
});

test.serial('with two servers, calls go on on the other when one is killed', async t => {
	const first = await startServer(t);
	const second = await startServer(t);
	const {engine, lines} = await createEngine(t, {baseUrls: [first.url, second.url], maxRetries: 4});
	t.is(engine.parallel, 2);
	await first.stop();
	const results = await Promise.all(Array.from({length: 4}, (_, index) => engine.complete({messages: [{role: 'user', content: createProse(2, index)}], maxTokens: 8})));
	t.true(results.every(result => result.outputTokens > 0));
	t.true(lines.some(line => line.startsWith(`${first.url} is out of rotation`)), lines.join('\n'));
});

test('no server answering is E_ENGINE_UNAVAILABLE naming the URL and the fix', async t => {
	const url = `http://127.0.0.1:${await getFreePort()}/v1`;
	const error = await t.throwsAsync(OpenAiEngine.create({baseUrls: [url], tokenizer: model, log: () => undefined}), {code: 'E_ENGINE_UNAVAILABLE'});
	t.true(error?.message.includes(url));
	t.regex(error?.message ?? '', /npm run test-server/);
});
