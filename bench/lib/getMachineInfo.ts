import {readFileSync} from 'node:fs';
import {availableParallelism, cpus, loadavg, totalmem} from 'node:os';

export interface MachineInfo {
	nproc: number;
	cpuModel: string;
	ramGiB: number;
	node: string;
	platform: string;
}

/** What the report says about the machine: cores, CPU model (from /proc/cpuinfo where there is one), RAM. */
export function getMachineInfo(): MachineInfo {
	let cpuModel = cpus()[0]?.model ?? 'unknown';
	try {
		cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
	} catch {
		// Not Linux: keep os.cpus().
	}
	return {nproc: availableParallelism(), cpuModel, ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10, node: process.version, platform: `${process.platform}-${process.arch}`};
}

/** The 1-minute load average, rounded: noted with each measurement since the machine may be shared. */
export function getLoad(): number {
	return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
