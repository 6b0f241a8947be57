import type {GpuBackend, GpuVerdict} from './verifyGpuBackend.js';

/**
 * A GPU backend route precis can run on: node-llama-cpp's GPU types, its CUDA 12 build as
 * `cuda-fallback`, and a CUDA backend built on the machine as `cuda-local` (see preloadGpuRoute).
 */
export type GpuRoute = Exclude<GpuBackend, 'auto'>;

export interface GpuRouteChoice {
	/** The route that passed its self-test; false: the CPU. */
	route: GpuRoute | false;
	/** Every self-test run, in order. */
	attempts: Array<{route: GpuRoute; verdict: GpuVerdict}>;
	/** What each route tried (or skipped) came to, `; `-separated; empty when the first route tried works. */
	tried: string;
	/** One line saying what was tried and what runs; undefined when the first route tried works. */
	warning: string | undefined;
}

/**
 * A CUDA failure that a build for another toolkit may not have: the driver refuses the kernels
 * ("the provided PTX was compiled with an unsupported toolchain", "no kernel image is available"),
 * or the CUDA runtime the main build links is missing or newer than the driver.
 */
const _driverOrToolchain = /PTX|toolchain|no kernel image|driver|libcudart|libcublas/i;

/**
 * The routes to try for `gpu` on a machine where node-llama-cpp supports `supported` GPU types, in
 * order: the CUDA backend built on this machine when there is one (`localCuda`), CUDA, its CUDA 12
 * build, then Vulkan, then Metal.
 */
export function listGpuRoutes(gpu: Exclude<GpuBackend, 'cuda-fallback' | 'cuda-local'>, supported: readonly string[], localCuda = false): GpuRoute[] {
	const wanted = gpu === 'auto' ? supported : [gpu];
	const cuda = [...(localCuda ? ['cuda-local'] as const : []), 'cuda', 'cuda-fallback'] as const;
	return (['cuda', 'vulkan', 'metal'] as const).filter(type => wanted.includes(type)).flatMap(type => (type === 'cuda' ? cuda : [type]));
}

/**
 * Tries `routes` in order, each through `selfTest` (a child process: a route that aborts takes only
 * the child down), and picks the first that runs. The CUDA 12 build is tried only after the main
 * CUDA build failed for a driver or toolchain reason. Never throws: a caller that named a GPU decides
 * what a CPU verdict means.
 */
export async function chooseGpuRoute(routes: readonly GpuRoute[], selfTest: (route: GpuRoute) => Promise<GpuVerdict>): Promise<GpuRouteChoice> {
	const attempts: GpuRouteChoice['attempts'] = [];
	/** What each route tried, or skipped, came to. */
	const notes: string[] = [];
	for (const route of routes) {
		const cuda = attempts.find(attempt => attempt.route === 'cuda')?.verdict;
		if (route === 'cuda-fallback' && !(cuda?.ok === false && _driverOrToolchain.test(cuda.detail))) {
			if (cuda?.ok === false) notes.push('cuda-fallback not tried (not a driver or toolchain failure)');
			continue;
		}
		const verdict = await selfTest(route);
		attempts.push({route, verdict});
		if (verdict.ok && verdict.backend !== false) return _choose(route, attempts, notes);
		notes.push(verdict.ok ? `${route} ran on the CPU` : `${route} failed (${verdict.detail})`);
	}
	return _choose(false, attempts, notes);
}

const _describe: Partial<Record<GpuRoute, string>> = {'cuda-fallback': ' (node-llama-cpp\'s CUDA 12 build)', 'cuda-local': ' (the CUDA backend built on this machine)'};

function _choose(route: GpuRoute | false, attempts: GpuRouteChoice['attempts'], notes: readonly string[]): GpuRouteChoice {
	const tried = notes.join('; ');
	const runs = route === false ? 'running on the CPU' : `running on ${route}${_describe[route] ?? ''}`;
	return {route, attempts, tried, warning: tried === '' ? undefined : `GPU self-test: ${tried}; ${runs}`};
}
