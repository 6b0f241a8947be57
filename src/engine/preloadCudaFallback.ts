import {mkdtemp, readdir, rm, symlink} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

/** The addon's own API, as node-llama-cpp calls it (dist/bindings/Llama.js); not a public interface. */
interface _Addon {
	loadBackends: (searchPath?: string) => void;
	getGpuType: () => string | false | undefined;
}

/**
 * Makes node-llama-cpp's prebuilt CUDA build run on the CUDA 12 backend that
 * `@node-llama-cpp/linux-x64-cuda-ext` ships in `fallback/`, instead of its main CUDA 13 one.
 * node-llama-cpp loads that fallback only when the main backend fails to *load*, never when its
 * kernels fail to run (an sm_90 GPU under a CUDA 13.0 driver: the main build's sm_90 code is PTX
 * of a 13.1 toolkit), and getLlama has no option to ask for it. So this registers, in the same
 * addon module getLlama will use (Node caches it by its real path), the fallback CUDA backend and
 * the CPU backends first: node-llama-cpp then finds a CUDA backend loaded and loads no other.
 * Call it before getLlama({gpu: 'cuda'}), in a process that has loaded no backend yet; later calls do nothing.
 * Throws when the fallback does not load (it needs libcudart.so.12 and libcublas.so.12).
 */
export async function preloadCudaFallback(): Promise<void> {
	// The registration is process-wide: a second one would register a second CUDA backend.
	_preloaded ??= _preload();
	return _preloaded;
}

let _preloaded: Promise<void> | undefined;

async function _preload(): Promise<void> {
	const require = createRequire(import.meta.resolve('node-llama-cpp'));
	const main = await _getBinsFolder(require, '@node-llama-cpp/linux-x64-cuda');
	const ext = await _getBinsFolder(require, '@node-llama-cpp/linux-x64-cuda-ext');
	const addon = require(join(main, 'llama-addon.node')) as _Addon;
	addon.loadBackends(join(ext, 'fallback'));
	if (addon.getGpuType() !== 'cuda') {
		throw new Error(`the CUDA 12 fallback backend (${join(ext, 'fallback', 'libggml-cuda.so')}) did not load: it needs libcudart.so.12 and libcublas.so.12 on the library path, and a CUDA GPU`);
	}
	// ggml loads every backend found in a folder: only the CPU ones are offered from the main build's.
	const cpuOnly = await mkdtemp(join(tmpdir(), 'precis-cpu-backends-'));
	try {
		for (const name of (await readdir(main)).filter(file => file.startsWith('libggml-cpu'))) await symlink(join(main, name), join(cpuOnly, name));
		addon.loadBackends(cpuOnly);
	} finally {
		await rm(cpuOnly, {recursive: true, force: true});
	}
}

/** The `bins/linux-x64-cuda` folder of one of node-llama-cpp's binary packages, as node-llama-cpp finds it. */
async function _getBinsFolder(require: NodeJS.Require, name: string): Promise<string> {
	const {getBinsDir} = await import(pathToFileURL(require.resolve(name)).href) as {getBinsDir: () => {binsDir: string}};
	return join(getBinsDir().binsDir, 'linux-x64-cuda');
}
