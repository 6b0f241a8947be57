import type {GpuRoute} from './chooseGpuRoute.js';
import {preloadCudaBackend} from './preloadCudaBackend.js';
import {preloadCudaFallback} from './preloadCudaFallback.js';

/**
 * The environment variable naming a folder with a `libggml-cuda.so` built on this machine from
 * node-llama-cpp's own llama.cpp release (scripts/gpu/device/buildCudaBackend.sh): when set, the
 * `cuda-local` route runs it (see preloadCudaBackend).
 */
export const localCudaBackendVariable = 'PRECIS_CUDA_BACKEND_DIR';

/**
 * Registers what a backend route needs before getLlama, in this process, and returns the GPU type
 * to ask getLlama for: `cuda-fallback` (node-llama-cpp's CUDA 12 build) and `cuda-local` (the
 * backend in $PRECIS_CUDA_BACKEND_DIR) register their CUDA backend and then run as `cuda`.
 * Throws when that backend does not load.
 */
export async function preloadGpuRoute(route: GpuRoute): Promise<Exclude<GpuRoute, 'cuda-fallback' | 'cuda-local'>> {
	if (route === 'cuda-fallback') await preloadCudaFallback();
	else if (route === 'cuda-local') {
		const folder = process.env[localCudaBackendVariable] ?? '';
		if (folder === '') throw new Error(`the cuda-local route needs ${localCudaBackendVariable}: the folder of a libggml-cuda.so built for this machine`);
		await preloadCudaBackend(folder, 'the locally built CUDA backend', 'it needs libcudart and libcublas of the toolkit it was built with on the library path, and a CUDA GPU');
	} else return route;
	return 'cuda';
}
