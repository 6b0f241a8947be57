import {getLoad} from '../lib/getMachineInfo.js';
import {runPrecisMeasured} from '../lib/runScript.js';

export interface CliRunResult {
	load: number;
	code: number | null;
	wallSeconds: number;
	peakTreeRssMb: number;
	peakRootRssMb: number;
	peakProcesses: number;
	documents: {total: number; done: number; failed: number; skipped: number} | undefined;
	llmCalls: number | undefined;
	promptTokens: number | undefined;
	outputTokens: number | undefined;
	/** runBatch's own seconds, as `--json` reports them. */
	runSeconds: number | undefined;
}

interface _Totals {
	documents: CliRunResult['documents'];
	llmCalls: number;
	promptTokens: number;
	outputTokens: number;
	wallSeconds: number;
}

/** One real `precis run … --json`, timed, with the peak memory of its process tree. */
export async function runCli(args: readonly string[]): Promise<CliRunResult> {
	const load = getLoad();
	const run = await runPrecisMeasured(['run', ...args, '--json'], {keepStdout: true});
	const line = run.stdout.trim().split('\n').at(-1) ?? '';
	const totals = line.startsWith('{') ? (JSON.parse(line) as _Totals) : undefined;
	if (totals === undefined) process.stderr.write(`bench: precis run exited ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}\n`);
	return {
		load, code: run.code, wallSeconds: Math.round(run.wallSeconds * 100) / 100,
		peakTreeRssMb: Math.round(run.peakTreeRssMb), peakRootRssMb: Math.round(run.peakRootRssMb), peakProcesses: run.peakProcesses,
		documents: totals?.documents, llmCalls: totals?.llmCalls, promptTokens: totals?.promptTokens, outputTokens: totals?.outputTokens, runSeconds: totals?.wallSeconds,
	};
}

/** One real `precis extract … --json`, timed, with the peak memory of its process tree. */
export async function runCliExtract(paths: readonly string[]): Promise<{load: number; code: number | null; wallSeconds: number; peakTreeRssMb: number; errors: string[]}> {
	const load = getLoad();
	const run = await runPrecisMeasured(['extract', ...paths, '--json']);
	const errors = run.stderr.split('\n').filter(line => line.startsWith('precis: E_')).map(line => line.slice('precis: '.length, line.indexOf(':', 'precis: '.length)));
	return {load, code: run.code, wallSeconds: Math.round(run.wallSeconds * 100) / 100, peakTreeRssMb: Math.round(run.peakTreeRssMb), errors};
}
