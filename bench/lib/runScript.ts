import {fileURLToPath} from 'node:url';
import {runMeasured, type MeasuredRun, type RunMeasuredOptions} from './runMeasured.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const _tsxLoader = import.meta.resolve('tsx');
const _precisBin = fileURLToPath(new URL('../../bin/precis.js', import.meta.url));

/** Runs a bench child script (TypeScript, through tsx) and parses the JSON object it prints last. */
export async function runScript<T>(script: string, args: readonly (string | number)[], options: RunMeasuredOptions = {}): Promise<{run: MeasuredRun; output: T}> {
	const path = fileURLToPath(new URL(`../children/${script}`, import.meta.url));
	const run = await runMeasured(process.execPath, ['--import', _tsxLoader, path, ...args.map(String)], {cwd: repoRoot, ...options, keepStdout: true});
	const last = run.stdout.trim().split('\n').at(-1) ?? '';
	if (run.code !== 0 || !last.startsWith('{')) throw new Error(`bench child ${script} failed (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`);
	return {run, output: JSON.parse(last) as T};
}

/** Runs the real CLI (`bin/precis.js`) as a child, sampling the memory of its process tree. */
export function runPrecisMeasured(args: readonly string[], options: RunMeasuredOptions = {}): Promise<MeasuredRun> {
	return runMeasured(process.execPath, [_precisBin, ...args], {cwd: repoRoot, ...options});
}
