import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export type GpuBackend = 'auto' | 'cuda' | 'vulkan' | 'metal';

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
			const reason = stderr.split('\n').map(line => line.trim()).find(line => /error/i.test(line) && !line.startsWith('/')) ?? (signal === null ? `exit code ${code ?? '?'}` : `signal ${signal}`);
			resolve({ok: false, detail: reason.replace(/^\[[^\]]+\]\s*/, '')});
		});
	});
}

function _parseVerdict(stdout: string): string | false | undefined {
	try {
		const {backend} = JSON.parse(stdout.trim().split('\n').pop() ?? '') as {backend?: string | false};
		return backend;
	} catch {
		return undefined;
	}
}
