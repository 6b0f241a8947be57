import {preloadCudaFallback} from '../../src/engine/preloadCudaFallback.js';

/**
 * The GPU a bench child runs its engine on: `PRECIS_BENCH_GPU` (cuda, cuda-fallback, vulkan, metal;
 * unset or cpu: the CPU), set by scripts/gpu/checkGpuRoutes.ts. `cuda-fallback` registers
 * node-llama-cpp's CUDA 12 build first (see preloadCudaFallback) and then runs as `cuda`.
 */
export async function resolveBenchGpu(): Promise<false | 'cuda' | 'vulkan' | 'metal'> {
	const route = process.env['PRECIS_BENCH_GPU'] ?? 'cpu';
	if (route === 'cpu' || route === '') return false;
	if (route === 'cuda-fallback') {
		await preloadCudaFallback();
		return 'cuda';
	}
	if (route === 'cuda' || route === 'vulkan' || route === 'metal') return route;
	throw new Error(`PRECIS_BENCH_GPU=${route}: expected cpu, cuda, cuda-fallback, vulkan or metal`);
}
