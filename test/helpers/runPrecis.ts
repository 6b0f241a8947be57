import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** The CLI from source, through tsx: tests run what they check, without a build (the built CLI is checked by scripts/checkPackedInstall.sh). */
const _cliSource = fileURLToPath(new URL('../../src/cli/cli.ts', import.meta.url));
const _tsxLoader = import.meta.resolve('tsx');

/** Node's arguments that run the CLI from source; the CLI's own arguments follow them. */
export const precisNodeArgs: readonly string[] = ['--import', _tsxLoader, _cliSource];

export interface PrecisOutcome {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Starts the real CLI as a child process (for tests that signal or kill it). */
export function startPrecis(args: readonly string[], options: {cwd?: string; env?: Record<string, string>} = {}): {child: ChildProcess; done: Promise<PrecisOutcome>} {
	const child = spawn(process.execPath, [...precisNodeArgs, ...args], {
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
