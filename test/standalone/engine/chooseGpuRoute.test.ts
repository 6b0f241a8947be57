import test from 'ava';
import {chooseGpuRoute, listGpuRoutes, type GpuRoute} from '../../../src/engine/chooseGpuRoute.js';
import type {GpuVerdict} from '../../../src/engine/verifyGpuBackend.js';

/** A self-test that answers from a script and records which routes it was asked to run. */
function scriptSelfTest(outcomes: Partial<Record<GpuRoute, GpuVerdict>>): {selfTest: (route: GpuRoute) => Promise<GpuVerdict>; ran: GpuRoute[]} {
	const ran: GpuRoute[] = [];
	return {
		ran,
		selfTest: async route => {
			ran.push(route);
			return outcomes[route] ?? {ok: false, detail: `${route} not scripted`};
		},
	};
}

const ptxFailure: GpuVerdict = {ok: false, detail: 'CUDA error: the provided PTX was compiled with an unsupported toolchain.'};

test('routes: auto tries CUDA, its CUDA 12 build, then Vulkan; a named GPU only its own', t => {
	t.deepEqual(listGpuRoutes('auto', ['vulkan', 'cuda']), ['cuda', 'cuda-fallback', 'vulkan']);
	t.deepEqual(listGpuRoutes('auto', []), []);
	t.deepEqual(listGpuRoutes('cuda', ['cuda', 'vulkan']), ['cuda', 'cuda-fallback']);
	t.deepEqual(listGpuRoutes('vulkan', ['cuda', 'vulkan']), ['vulkan']);
});

test('the H200 case: CUDA aborts at its PTX, the CUDA 12 build runs, and one line says so', async t => {
	const {selfTest, ran} = scriptSelfTest({cuda: ptxFailure, 'cuda-fallback': {ok: true, backend: 'cuda'}});
	const choice = await chooseGpuRoute(listGpuRoutes('auto', ['cuda', 'vulkan']), selfTest);
	t.is(choice.route, 'cuda-fallback');
	t.deepEqual(ran, ['cuda', 'cuda-fallback']);
	t.is(choice.warning, 'GPU self-test: cuda failed (CUDA error: the provided PTX was compiled with an unsupported toolchain.); running on cuda-fallback (node-llama-cpp\'s CUDA 12 build)');
});

test('every GPU route failing ends on the CPU with every attempt in the warning; a working first route says nothing', async t => {
	const failing = scriptSelfTest({cuda: ptxFailure, 'cuda-fallback': {ok: false, detail: 'libcudart.so.12: cannot open shared object file'}, vulkan: {ok: false, detail: 'no Vulkan device'}});
	const none = await chooseGpuRoute(listGpuRoutes('auto', ['cuda', 'vulkan']), failing.selfTest);
	t.is(none.route, false);
	t.deepEqual(failing.ran, ['cuda', 'cuda-fallback', 'vulkan']);
	t.regex(none.warning ?? '', /^GPU self-test: cuda failed \(.+\); cuda-fallback failed \(libcudart\.so\.12.+\); vulkan failed \(no Vulkan device\); running on the CPU$/);
	t.notRegex(none.warning ?? '', /\n/);

	const working = scriptSelfTest({cuda: {ok: true, backend: 'cuda'}});
	t.like(await chooseGpuRoute(listGpuRoutes('auto', ['cuda']), working.selfTest), {route: 'cuda', warning: undefined, tried: ''});
	t.deepEqual(working.ran, ['cuda']);
});

test('the CUDA 12 build is tried only after a driver or toolchain failure; a route that ran on the CPU does not count', async t => {
	const outOfMemory = scriptSelfTest({cuda: {ok: false, detail: 'out of memory allocating the model'}, vulkan: {ok: true, backend: 'vulkan'}});
	const choice = await chooseGpuRoute(listGpuRoutes('auto', ['cuda', 'vulkan']), outOfMemory.selfTest);
	t.deepEqual(outOfMemory.ran, ['cuda', 'vulkan']);
	t.is(choice.route, 'vulkan');
	t.regex(choice.warning ?? '', /cuda-fallback not tried \(not a driver or toolchain failure\); running on vulkan$/);

	const cpuOnly = scriptSelfTest({vulkan: {ok: true, backend: false}});
	t.like(await chooseGpuRoute(['vulkan'], cpuOnly.selfTest), {route: false, warning: 'GPU self-test: vulkan ran on the CPU; running on the CPU'});
});

test('routes: a CUDA backend built on this machine goes first among the CUDA routes, and only when there is one', t => {
	t.deepEqual(listGpuRoutes('auto', ['vulkan', 'cuda'], true), ['cuda-local', 'cuda', 'cuda-fallback', 'vulkan']);
	t.deepEqual(listGpuRoutes('cuda', ['cuda'], true), ['cuda-local', 'cuda', 'cuda-fallback']);
	t.deepEqual(listGpuRoutes('vulkan', ['cuda', 'vulkan'], true), ['vulkan']);
	t.deepEqual(listGpuRoutes('auto', ['vulkan'], true), ['vulkan']);
});

test('a local CUDA backend that fails hands over to the prebuilt routes; one that runs says so only when it was not first', async t => {
	const failing = scriptSelfTest({'cuda-local': {ok: false, detail: 'the locally built CUDA backend (/x/libggml-cuda.so) is missing'}, cuda: ptxFailure, 'cuda-fallback': {ok: true, backend: 'cuda'}});
	const choice = await chooseGpuRoute(listGpuRoutes('auto', ['cuda'], true), failing.selfTest);
	t.deepEqual(failing.ran, ['cuda-local', 'cuda', 'cuda-fallback']);
	t.is(choice.route, 'cuda-fallback');
	t.regex(choice.warning ?? '', /^GPU self-test: cuda-local failed \(the locally built CUDA backend .+ is missing\); cuda failed \(.+\); running on cuda-fallback/);
	const working = scriptSelfTest({'cuda-local': {ok: true, backend: 'cuda'}});
	t.like(await chooseGpuRoute(listGpuRoutes('auto', ['cuda'], true), working.selfTest), {route: 'cuda-local', warning: undefined});
	t.deepEqual(working.ran, ['cuda-local']);
	const second = scriptSelfTest({vulkan: {ok: true, backend: 'vulkan'}, 'cuda-local': {ok: false, detail: 'no CUDA GPU'}, cuda: {ok: false, detail: 'out of memory'}});
	t.like(await chooseGpuRoute(listGpuRoutes('auto', ['cuda', 'vulkan'], true), second.selfTest), {route: 'vulkan'});
});
