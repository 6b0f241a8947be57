import test from 'ava';
import {getLlamaGpuTypes} from 'node-llama-cpp';
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
