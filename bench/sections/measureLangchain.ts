import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {getLoad} from '../lib/getMachineInfo.js';
import {runMeasured} from '../lib/runMeasured.js';

export interface LangchainResult {
	load: number;
	wallSeconds: number;
	modelLoadSeconds: number;
	runSeconds: number;
	calls: number;
	evaluatedInputTokens: number;
	outputTokens: number;
	peakTreeRssMb: number;
	/** LangChain could not fetch tiktoken's ranks (offline) and estimated tokens as characters ÷ 4. */
	tokenEstimateFallback: boolean;
	perDocument: {file: string; documentTokens: number; chunks: number; calls: number; seconds: number}[];
}

const _folder = fileURLToPath(new URL('../langchain/', import.meta.url));

/**
 * Installs bench/langchain from its lockfile when its node_modules is missing; returns why it
 * cannot run, or undefined when it can.
 */
export function installLangchain(): string | undefined {
	if (existsSync(`${_folder}node_modules/langchain/package.json`)) return undefined;
	process.stderr.write('bench: installing LangChain.js into bench/langchain (npm ci)…\n');
	const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {cwd: _folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	if (result.status !== 0) return `npm ci in bench/langchain failed (exit ${result.status}): ${(result.stderr ?? '').trim().split('\n').slice(-2).join(' | ')}`;
	return undefined;
}

/** Figure 7: LangChain.js map_reduce (its loaders, LlamaCpp wrapper) on the same files and model. */
export async function measureLangchain(model: string, settings: {contextSize: number; threads: number; maxOutputTokens: number}, files: readonly string[]): Promise<LangchainResult> {
	const load = getLoad();
	const args = [`${_folder}summarizeWithLangchain.mjs`, model, String(settings.contextSize), String(settings.threads), String(settings.maxOutputTokens), ...files];
	const run = await runMeasured(process.execPath, args, {cwd: _folder, keepStdout: true});
	const last = run.stdout.trim().split('\n').at(-1) ?? '';
	if (run.code !== 0 || !last.startsWith('{')) throw new Error(`LangChain run failed (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
	const output = JSON.parse(last) as Omit<LangchainResult, 'load' | 'wallSeconds' | 'peakTreeRssMb'>;
	return {...output, load, wallSeconds: run.wallSeconds, peakTreeRssMb: Math.round(run.peakTreeRssMb), tokenEstimateFallback: /tiktoken/i.test(run.stderr)};
}
