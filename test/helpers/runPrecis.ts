import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const PRECIS_BIN = fileURLToPath(new URL('../../bin/precis.js', import.meta.url));

export interface PrecisOutcome {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Starts the real CLI as a child process (for tests that signal or kill it). */
export function startPrecis(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}): {child: ChildProcess; done: Promise<PrecisOutcome>} {
	const child = spawn(process.execPath, [PRECIS_BIN, ...args], {
		cwd: options.cwd,
		env: {...process.env, NO_COLOR: '1', ...options.env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout?.setEncoding('utf8').on('data', (data: string) => { stdout += data; });
	child.stderr?.setEncoding('utf8').on('data', (data: string) => { stderr += data; });
	const done = new Promise<PrecisOutcome>(resolve => {
		child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
	});
	return {child, done};
}

/** Runs the real CLI to completion. */
export async function runPrecis(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}): Promise<PrecisOutcome> {
	return startPrecis(args, options).done;
}
