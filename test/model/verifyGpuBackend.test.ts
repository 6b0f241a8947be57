import {mkdtemp, rm, symlink} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {getLlamaGpuTypes} from 'node-llama-cpp';
import {getCudaBinsFolder} from '../../src/engine/preloadCudaBackend.js';
import {localCudaBackendVariable} from '../../src/engine/preloadGpuRoute.js';
import {verifyGpuBackend} from '../../src/engine/verifyGpuBackend.js';

/** The CUDA backend is the one that cannot run here; on a machine where it can, the test is declared skipped. Awaited before the first test: AVA wants every test declared in one go. */
const withoutCuda = (await getLlamaGpuTypes('supported')).includes('cuda') ? test.skip : test;

test('the self-test runs a backend in a child process and reports what it used', async t => {
	const verdict = await verifyGpuBackend('auto');
	t.true(verdict.ok, verdict.ok ? '' : verdict.detail);
	const supported = (await getLlamaGpuTypes('supported')).filter(type => type !== false);
	if (verdict.ok && supported.length === 0) t.is(verdict.backend, false, 'no GPU here: auto runs on the CPU');
});

withoutCuda('a backend that cannot run fails the self-test with a reason instead of taking precis down', async t => {
	const verdict = await verifyGpuBackend('cuda');
	t.false(verdict.ok);
	t.true(!verdict.ok && verdict.detail.length > 0);
});

test('the CUDA 12 fallback route runs in its own child: on CUDA where it loads, without a CUDA GPU and runtime 12 it fails with the reason', async t => {
	const verdict = await verifyGpuBackend('cuda-fallback');
	if (verdict.ok) {
		t.is(verdict.backend, 'cuda');
		return;
	}
	t.regex(verdict.detail, /CUDA 12 fallback backend .*fallback\/libggml-cuda\.so\) did not load: it needs libcudart\.so\.12/);
});

test.serial('the cuda-local route runs the backend of PRECIS_CUDA_BACKEND_DIR in its own child, and says what is missing', async t => {
	const folder = await mkdtemp(join(tmpdir(), 'precis-local-cuda-'));
	t.teardown(async () => {
		delete process.env[localCudaBackendVariable];
		await rm(folder, {recursive: true, force: true});
	});
	delete process.env[localCudaBackendVariable];
	t.like(await verifyGpuBackend('cuda-local'), {ok: false, detail: `Error: the cuda-local route needs ${localCudaBackendVariable}: the folder of a libggml-cuda.so built for this machine`});
	process.env[localCudaBackendVariable] = folder;
	const missing = await verifyGpuBackend('cuda-local');
	t.false(missing.ok);
	t.true(!missing.ok && missing.detail.includes(`(${join(folder, 'libggml-cuda.so')}) is missing`), missing.ok ? '' : missing.detail);
	// node-llama-cpp's own prebuilt CUDA backend stands in for a local build: the same registration path.
	await symlink(join(await getCudaBinsFolder('@node-llama-cpp/linux-x64-cuda'), 'libggml-cuda.so'), join(folder, 'libggml-cuda.so'));
	const registered = await verifyGpuBackend('cuda-local');
	if (registered.ok) {
		t.is(registered.backend, 'cuda');
		return;
	}
	t.regex(registered.detail, /the locally built CUDA backend \(.+libggml-cuda\.so\) did not load: it needs libcudart and libcublas/);
});
