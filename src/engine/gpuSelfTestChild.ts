/**
 * Entry of the GPU self-test child process (see verifyGpuBackend): loads a small synthetic model on
 * the backend route named in argv[2] and evaluates a few tokens. A broken GPU build (a CUDA binary
 * whose kernels the driver cannot run, say) aborts this process instead of precis.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {getLlama, LlamaLogLevel} from 'node-llama-cpp';
import {preloadGpuRoute} from './preloadGpuRoute.js';
import {writeSyntheticModel} from './synthetic/writeSyntheticModel.js';
import type {GpuBackend} from './verifyGpuBackend.js';

const route = process.argv[2] as GpuBackend;
const gpu = route === 'auto' ? route : await preloadGpuRoute(route);
const folder = await mkdtemp(join(tmpdir(), 'precis-gpu-test-'));
try {
	const {path} = await writeSyntheticModel(join(folder, 'self-test.gguf'), {preset: 'tiny', seed: 1});
	const llama = await getLlama({build: 'never', gpu, logLevel: LlamaLogLevel.error});
	const model = await llama.loadModel({modelPath: path});
	const context = await model.createContext({contextSize: 256, threads: 1});
	const sequence = context.getSequence();
	let generated = 0;
	for await (const _token of sequence.evaluate(model.tokenize('The water board met on Monday.'))) {
		if (++generated >= 4) break;
	}
	process.stdout.write(`${JSON.stringify({backend: llama.gpu, generated})}\n`);
	await llama.dispose();
} finally {
	await rm(folder, {recursive: true, force: true});
}
