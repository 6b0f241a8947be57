import {join} from 'node:path';
import {getCudaBinsFolder, preloadCudaBackend} from './preloadCudaBackend.js';

/**
 * Makes node-llama-cpp's prebuilt CUDA build run on the CUDA 12 backend that
 * `@node-llama-cpp/linux-x64-cuda-ext` ships in `fallback/`, instead of its main CUDA 13 one
 * (see preloadCudaBackend). node-llama-cpp loads that fallback only when the main backend fails to
 * *load*, never when its kernels fail to run (an sm_90 GPU under a CUDA 13.0 driver: the main
 * build's sm_90 code is PTX of a 13.1 toolkit).
 * Throws when the fallback does not load (it needs libcudart.so.12 and libcublas.so.12).
 */
export async function preloadCudaFallback(): Promise<void> {
	const ext = await getCudaBinsFolder('@node-llama-cpp/linux-x64-cuda-ext');
	await preloadCudaBackend(join(ext, 'fallback'), 'the CUDA 12 fallback backend', 'it needs libcudart.so.12 and libcublas.so.12 on the library path, and a CUDA GPU');
}
