import type {GpuRoute} from '../../src/engine/chooseGpuRoute.js';
import {preloadGpuRoute} from '../../src/engine/preloadGpuRoute.js';

const _routes: readonly string[] = ['cuda', 'cuda-fallback', 'cuda-local', 'vulkan', 'metal'] satisfies GpuRoute[];

/**
 * The GPU a bench child runs its engine on: `PRECIS_BENCH_GPU` (a GPU route: cuda, cuda-fallback,
 * cuda-local, vulkan, metal; unset or cpu: the CPU), set by scripts/gpu/checkGpuRoutes.ts.
 * `cuda-fallback` and `cuda-local` register their CUDA backend first (see preloadGpuRoute) and
 * then run as `cuda`.
 */
export async function resolveBenchGpu(): Promise<false | 'cuda' | 'vulkan' | 'metal'> {
	const route = process.env['PRECIS_BENCH_GPU'] ?? 'cpu';
	if (route === 'cpu' || route === '') return false;
	if (_routes.includes(route)) return preloadGpuRoute(route as GpuRoute);
	throw new Error(`PRECIS_BENCH_GPU=${route}: expected cpu, ${_routes.join(', ')}`);
}
