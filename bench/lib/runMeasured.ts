import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {readChildrenCpuSeconds} from './readChildrenCpuSeconds.js';

export interface MeasuredRun {
	code: number | null;
	wallSeconds: number;
	/** CPU seconds (user + system) of the whole process tree: see {@link readChildrenCpuSeconds} (one run at a time). */
	cpuSeconds: number;
	/** Highest sum of resident memory over the process and all its descendants, sampled (MiB). */
	peakTreeRssMb: number;
	/** Highest resident memory of the process alone (MiB). */
	peakRootRssMb: number;
	/** Most processes alive in the tree at once. */
	peakProcesses: number;
	stdout: string;
	stderr: string;
}

export interface RunMeasuredOptions {
	cwd?: string;
	env?: Record<string, string>;
	/** Keep stdout (else it is drained and dropped: `precis extract --json` prints megabytes). */
	keepStdout?: boolean;
	/** @default 50 */
	sampleMs?: number;
}

/**
 * Runs a command to completion and samples /proc for the resident memory of its whole process tree
 * (the CLI and its extraction children), so that peaks of short-lived children are caught too.
 */
export function runMeasured(command: string, args: readonly string[], options: RunMeasuredOptions = {}): Promise<MeasuredRun> {
	const started = performance.now();
	const cpuBefore = readChildrenCpuSeconds();
	const child = spawn(command, args, {cwd: options.cwd, env: {...process.env, NO_COLOR: '1', ...options.env}, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (data: string) => {
		if (options.keepStdout === true) stdout += data;
	});
	child.stderr.setEncoding('utf8').on('data', (data: string) => {
		stderr += data;
	});
	const peaks = {tree: 0, root: 0, processes: 0};
	const sample = (): void => {
		if (child.pid === undefined) return;
		const pids = _listTree(child.pid);
		let tree = 0;
		for (const pid of pids) {
			const rss = readRssMb(pid);
			tree += rss;
			if (pid === child.pid) peaks.root = Math.max(peaks.root, rss);
		}
		peaks.tree = Math.max(peaks.tree, tree);
		peaks.processes = Math.max(peaks.processes, pids.length);
	};
	const timer = setInterval(sample, options.sampleMs ?? 50);
	return new Promise((resolve, reject) => {
		child.on('error', error => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', code => {
			clearInterval(timer);
			resolve({code, wallSeconds: (performance.now() - started) / 1000, cpuSeconds: readChildrenCpuSeconds() - cpuBefore, peakTreeRssMb: peaks.tree, peakRootRssMb: peaks.root, peakProcesses: peaks.processes, stdout, stderr});
		});
	});
}

/** Resident memory of a process in MiB from /proc (0 once it is gone). */
export function readRssMb(pid: number): number {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match?.[1] === undefined ? 0 : Number(match[1]) / 1024;
	} catch {
		return 0;
	}
}

/** The process and its descendants, from /proc/<pid>/task/<tid>/children. */
function _listTree(root: number): number[] {
	const pids = [root];
	for (let index = 0; index < pids.length; index++) {
		const pid = pids[index] ?? 0;
		try {
			const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
			if (tasks.length > 0) pids.push(...tasks.split(/\s+/).map(Number));
		} catch {
			// Gone already.
		}
	}
	return pids;
}
