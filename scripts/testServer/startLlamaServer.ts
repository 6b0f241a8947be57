import {spawn, type ChildProcess} from 'node:child_process';
import {createServer} from 'node:net';
import {buildLlamaServer} from './buildLlamaServer.js';

export interface StartLlamaServerOptions {
	/** GGUF model file. */
	model: string;
	/** Port on 127.0.0.1; 0 picks a free one. @default 0 */
	port?: number;
	/** Slots (requests served at once). @default 1 */
	parallel?: number;
	/** Context per slot; the server gets `contextSize * parallel` in all. @default 2048 */
	contextSize?: number;
	/** CPU threads. @default 1 */
	threads?: number;
	/** Further llama-server arguments. */
	extraArgs?: readonly string[];
	/** How long to wait for the model to load. @default 120000 */
	readyTimeoutMs?: number;
}

export interface LlamaServer {
	/** Base URL for `--base-url`: `http://127.0.0.1:<port>/v1`. */
	url: string;
	port: number;
	child: ChildProcess;
	/** The server's latest output (a tail), for failure messages. */
	readonly output: string;
	/** Kills the server (SIGKILL by default) and waits for it to exit; safe to call twice. */
	stop(signal?: NodeJS.Signals): Promise<void>;
}

const _outputLimit = 16_384;

/**
 * Starts llama.cpp's llama-server (built on first use, see `buildLlamaServer`) on 127.0.0.1 and
 * waits until `/health` answers 200. Rejects with the server's output when it exits or is not ready in time.
 */
export async function startLlamaServer(options: StartLlamaServerOptions): Promise<LlamaServer> {
	const binary = await buildLlamaServer();
	const port = options.port !== undefined && options.port > 0 ? options.port : await getFreePort();
	const parallel = options.parallel ?? 1;
	const args = [
		'-m', options.model, '--host', '127.0.0.1', '--port', String(port),
		'-np', String(parallel), '-c', String((options.contextSize ?? 2048) * parallel), '-t', String(options.threads ?? 1),
		'--no-webui', '--no-warmup', ...(options.extraArgs ?? []),
	];
	const child = spawn(binary, args, {stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	const keep = (data: Buffer): void => {
		output = (output + data.toString('utf8')).slice(-_outputLimit);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
	let stopping: Promise<void> | undefined;
	const server: LlamaServer = {
		url: `http://127.0.0.1:${port}/v1`,
		port,
		child,
		get output() {
			return output;
		},
		stop(signal = 'SIGKILL') {
			stopping ??= child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : (child.kill(signal), exited);
			return stopping;
		},
	};
	const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
	let gone = false;
	void exited.then(() => (gone = true));
	while (!(await _isHealthy(port))) {
		if (gone || Date.now() > deadline) {
			await server.stop();
			throw new Error(`llama-server on port ${port} ${gone ? `exited (${child.exitCode ?? child.signalCode})` : 'was not ready in time'}: ${output.slice(-2000)}`);
		}
		await new Promise(resolve => setTimeout(resolve, 200));
	}
	return server;
}

/** A port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export async function getFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function _isHealthy(port: number): Promise<boolean> {
	try {
		const response = await fetch(`http://127.0.0.1:${port}/health`, {signal: AbortSignal.timeout(2000)});
		await response.body?.cancel();
		return response.ok;
	} catch {
		return false;
	}
}
