import {readdirSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../src/config/defaults.js';
import type {ResolvedConfig} from '../../src/config/schema.js';
import {createLazyEngine} from '../../src/engine/createEngine.js';
import {identifyEngine} from '../../src/engine/identifyEngine.js';
import {LazyEngine} from '../../src/engine/LazyEngine.js';
import {LlamaEngine} from '../../src/engine/LlamaEngine.js';
import {isPipelineError} from '../../src/errors.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';

const _engineOptions = (model: string, modelsDir = 'output/models'): ResolvedConfig['engine'] =>
	({...DEFAULT_CONFIG.engine, model, modelsDir, gpu: false, threads: 1, contextSize: 256, parallel: 1});

test('the engine id is known before loading, and loading once serves every caller', async t => {
	const options = _engineOptions(await getSyntheticModel('tiny'));
	const lazy = await createLazyEngine(options);
	t.teardown(() => lazy.close());
	t.regex(lazy.knownId ?? '', /^local:[0-9a-f]{32}$/);
	t.is(lazy.loaded, undefined, 'nothing is loaded until asked');
	const [first, second] = await Promise.all([lazy.load(), lazy.load()]);
	t.is(first, second, 'one engine for concurrent callers');
	t.is(first.id, lazy.knownId ?? 'unknown', 'the loaded engine has the id identified beforehand');
	t.is(lazy.loaded, first);
});

test('a model that is not the one identified is refused and closed', async t => {
	const model = await getSyntheticModel('tiny');
	let opened: LlamaEngine | undefined;
	const lazy = new LazyEngine('local:00000000000000000000000000000000', async () => {
		opened = await LlamaEngine.create({model, gpu: false, threads: 1, contextSize: 256});
		return opened;
	});
	const error = await t.throwsAsync(lazy.load());
	t.true(isPipelineError(error) && error.code === 'E_MODEL_LOAD', String(error));
	t.regex(error?.message ?? '', /the model changed while precis was starting/);
	await t.throwsAsync(opened!.complete({messages: [{role: 'user', content: 'hi'}], maxTokens: 1}), {message: /is closed/});
	await t.notThrowsAsync(lazy.close(), 'closing after a failed load is a no-op');
});

test('a remote model that is not downloaded has no id before loading, and its host is not asked', async t => {
	const requests: string[] = [];
	const host = createServer((request, response) => {
		requests.push(`${request.method} ${request.url}`);
		response.writeHead(404).end();
	});
	await new Promise<void>(resolve => host.listen(0, '127.0.0.1', resolve));
	t.teardown(() => host.close());
	const {port} = host.address() as AddressInfo;
	const modelsDir = createTempDir(t);
	t.is(await identifyEngine(_engineOptions(`http://127.0.0.1:${port}/models/missing.Q4_0.gguf`, modelsDir)), undefined);
	t.is(await identifyEngine(_engineOptions('hf:nobody/missing-model-GGUF/missing.Q4_0.gguf', modelsDir)), undefined);
	t.deepEqual(requests, [], 'identifying the engine made no request');
	t.deepEqual(readdirSync(modelsDir), [], 'nothing was downloaded, not even in part');
});
