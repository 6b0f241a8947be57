import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/**
 * A backend to test: node-llama-cpp's choice (`auto`), a GPU type, `cuda-fallback`: its CUDA 12
 * build (see preloadCudaFallback), or `cuda-local`: a CUDA backend built on this machine (see preloadGpuRoute).
 */
export type GpuBackend = 'auto' | 'cuda' | 'cuda-fallback' | 'cuda-local' | 'vulkan' | 'metal';

export type GpuVerdict = {ok: true; backend: string | false} | {ok: false; detail: string};

const _fromSource = import.meta.url.endsWith('.ts');
const _childPath = fileURLToPath(new URL(_fromSource ? 'gpuSelfTestChild.ts' : 'gpuSelfTestChild.js', import.meta.url));

/**
 * Runs a GPU backend on a tiny synthetic model in a child process before precis trusts it. A
 * prebuilt GPU binary can load and then abort the whole process at its first kernel (measured on an
 * H200 with driver 580: node-llama-cpp 3.21.1's CUDA kernels were "compiled with an unsupported
 * toolchain"), which no try/catch survives; the child takes that fall instead.
 */
export async function verifyGpuBackend(gpu: GpuBackend, timeoutMs = 120_000): Promise<GpuVerdict> {
	return new Promise(resolve => {
		// From source the child needs tsx (a dev dependency); compiled, it is plain JavaScript.
		const loader = _fromSource ? ['--import', import.meta.resolve('tsx')] : [];
		const child = spawn(process.execPath, [...loader, _childPath, gpu], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (data: string) => { stdout += data; });
		child.stderr.setEncoding('utf8').on('data', (data: string) => { stderr += data; });
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const verdict = code === 0 ? _parseVerdict(stdout) : undefined;
			if (verdict !== undefined) {
				resolve({ok: true, backend: verdict});
				return;
			}
			resolve({ok: false, detail: _findReason(stderr) ?? (signal === null ? `exit code ${code ?? '?'}` : `signal ${signal}`)});
		});
	});
}

/**
 * The line of the child's stderr that says why it failed: a thrown error's `Name: message` or a
 * llama.cpp `CUDA error: ...` line first, else any line about an error that is no source line Node
 * printed above the error.
 */
function _findReason(stderr: string): string | undefined {
	const lines = stderr.split('\n').map(line => line.trim().replace(/^\[[^\]]+\]\s*/, ''));
	return lines.find(line => /^[A-Z]\w*Error: |CUDA error/.test(line)) ?? lines.find(line => /error/i.test(line) && !line.startsWith('/') && !/\bthrow\b/.test(line));
}

function _parseVerdict(stdout: string): string | false | undefined {
	try {
		const {backend} = JSON.parse(stdout.trim().split('\n').pop() ?? '') as {backend?: string | false};
		return backend;
	} catch {
		return undefined;
	}
}
