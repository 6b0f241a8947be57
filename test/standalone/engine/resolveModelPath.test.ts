import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {pullModel} from '../../../src/engine/pullModel.js';
import {resolveModelPath} from '../../../src/engine/resolveModelPath.js';

async function _createModelsDir(t: {teardown: (fn: () => Promise<void>) => void}): Promise<string> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'precis-models-'));
	t.teardown(() => fs.rm(dir, {recursive: true, force: true}));
	return dir;
}

test('a local path is used as is', async t => {
	const dir = await _createModelsDir(t);
	const file = path.join(dir, 'local.gguf');
	await fs.writeFile(file, 'GGUF');
	t.is(await resolveModelPath(file, {modelsDir: '/nonexistent'}), file);
});

test('a missing local path fails with E_MODEL_UNAVAILABLE naming it', async t => {
	const dir = await _createModelsDir(t);
	const missing = path.join(dir, 'missing.gguf');
	const error = await t.throwsAsync(resolveModelPath(missing, {modelsDir: dir}), {code: 'E_MODEL_UNAVAILABLE'});
	t.true(error.message.includes(missing));
});

test('an hf: URI already in modelsDir resolves without network', async t => {
	const dir = await _createModelsDir(t);
	const file = path.join(dir, 'hf_precis-test_tiny.Q4_0.gguf');
	await fs.writeFile(file, 'GGUF');
	t.is(await resolveModelPath('hf:precis-test/tiny-GGUF/tiny.Q4_0.gguf', {modelsDir: dir, probeTimeoutMs: 1}), file);
});

test('a plain URL already in modelsDir resolves by its file name without network', async t => {
	const dir = await _createModelsDir(t);
	const file = path.join(dir, 'model.gguf');
	await fs.writeFile(file, 'GGUF');
	t.is(await resolveModelPath('https://precis-unreachable.invalid/models/model.gguf', {modelsDir: dir, probeTimeoutMs: 1}), file);
});

test('a missing hf: model fails fast with E_MODEL_UNAVAILABLE and the pull command', async t => {
	const dir = await _createModelsDir(t);
	const uri = 'hf:precis-test/does-not-exist-GGUF/missing.Q4_0.gguf';
	const started = performance.now();
	const error = await t.throwsAsync(resolveModelPath(uri, {modelsDir: dir}), {code: 'E_MODEL_UNAVAILABLE'});
	t.true(performance.now() - started < 10_000, 'fails within 10 s, online or offline');
	t.true(error.message.includes(`precis models pull ${uri}`));
});

test('a host that never answers fails with "no answer" once the probe times out, not after the connection hangs', async t => {
	const dir = await _createModelsDir(t);
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => sockets.add(socket));
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => {
		for (const socket of sockets) socket.destroy();
		server.close();
	});
	const {port} = server.address() as net.AddressInfo;
	const started = performance.now();
	const error = await t.throwsAsync(resolveModelPath(`http://127.0.0.1:${port}/model.gguf`, {modelsDir: dir, probeTimeoutMs: 500}), {code: 'E_MODEL_UNAVAILABLE'});
	t.true(performance.now() - started < 10_000, 'fails within the probe timeout, not after the connection hangs');
	t.true(error.message.includes('no answer'));
});

test('download: false refuses a missing remote model at once', async t => {
	const dir = await _createModelsDir(t);
	await t.throwsAsync(resolveModelPath('hf:precis-test/tiny-GGUF/tiny.Q4_0.gguf', {modelsDir: dir, download: false}), {code: 'E_MODEL_UNAVAILABLE'});
});

test('pullModel rejects a local path and an invalid URL', async t => {
	const dir = await _createModelsDir(t);
	await t.throwsAsync(pullModel('model.gguf', dir), {code: 'E_MODEL_UNAVAILABLE'});
	await t.throwsAsync(pullModel('https://', dir), {code: 'E_MODEL_UNAVAILABLE'});
});
