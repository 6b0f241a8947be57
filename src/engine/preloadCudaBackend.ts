import {existsSync} from 'node:fs';
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
 * Makes node-llama-cpp's prebuilt CUDA build run on the `libggml-cuda.so` in `folder` instead of its
 * own: the CUDA 12 build of `@node-llama-cpp/linux-x64-cuda-ext` (preloadCudaFallback) or one built
 * on the machine against its own toolkit (the `cuda-local` route). node-llama-cpp loads another
 * backend only when its main one fails to *load*, never when its kernels fail to run, and getLlama
 * has no option to name one. So this registers, in the same addon module getLlama will use (Node
 * caches it by its real path), the CUDA backend of `folder` and the CPU backends of the main build
 * first: node-llama-cpp then finds a CUDA backend loaded and loads no other. The library must be
 * built from node-llama-cpp's own llama.cpp release (it links the main build's libggml-base.so).
 * Call it before getLlama({gpu: 'cuda'}), in a process that has loaded no backend yet; a second
 * call with the same folder does nothing, with another one it throws.
 * Throws `<what> (<folder>/libggml-cuda.so) did not load: <needs>` when that backend does not register.
 */
export async function preloadCudaBackend(folder: string, what: string, needs: string): Promise<void> {
	// The registration is process-wide: a second one would register a second CUDA backend.
	if (_preloaded !== undefined && _preloaded.folder !== folder) throw new Error(`${what}: another CUDA backend (${_preloaded.folder}) is registered in this process already`);
	_preloaded ??= {folder, done: _preload(folder, what, needs)};
	return _preloaded.done;
}

let _preloaded: {folder: string; done: Promise<void>} | undefined;

async function _preload(folder: string, what: string, needs: string): Promise<void> {
	const library = join(folder, 'libggml-cuda.so');
	if (!existsSync(library)) throw new Error(`${what} (${library}) is missing`);
	const require = createRequire(import.meta.resolve('node-llama-cpp'));
	const main = await getCudaBinsFolder('@node-llama-cpp/linux-x64-cuda');
	const addon = require(join(main, 'llama-addon.node')) as _Addon;
	addon.loadBackends(folder);
	if (addon.getGpuType() !== 'cuda') throw new Error(`${what} (${library}) did not load: ${needs}`);
	// ggml loads every backend found in a folder: only the CPU ones are offered from the main build's.
	const cpuOnly = await mkdtemp(join(tmpdir(), 'precis-cpu-backends-'));
	try {
		for (const name of (await readdir(main)).filter(file => file.startsWith('libggml-cpu'))) await symlink(join(main, name), join(cpuOnly, name));
		addon.loadBackends(cpuOnly);
	} finally {
		await rm(cpuOnly, {recursive: true, force: true});
	}
}

/** The `bins/linux-x64-cuda` folder of one of node-llama-cpp's CUDA binary packages, as node-llama-cpp finds it. */
export async function getCudaBinsFolder(name: '@node-llama-cpp/linux-x64-cuda' | '@node-llama-cpp/linux-x64-cuda-ext'): Promise<string> {
	const require = createRequire(import.meta.resolve('node-llama-cpp'));
	const {getBinsDir} = await import(pathToFileURL(require.resolve(name)).href) as {getBinsDir: () => {binsDir: string}};
	return join(getBinsDir().binsDir, 'linux-x64-cuda');
}
