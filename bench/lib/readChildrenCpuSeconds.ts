import {readFileSync} from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU times in these ticks a second (`getconf CLK_TCK`). */
const _ticksPerSecond = 100;

/**
 * CPU seconds (user + system) of every child process of this process that has ended and been
 * waited for, each with its own waited-for descendants: /proc/self/stat's cutime + cstime. Taken
 * before and after a run, the difference is the CPU time of that run's whole process tree
 * (precis's CLI with its extraction children and their threads, or a batch of tesseract
 * processes), provided no other child ends meanwhile: the bench runs them one at a time.
 * Unlike wall time it hardly depends on what else the shared machine is doing.
 */
export function readChildrenCpuSeconds(): number {
	const stat = readFileSync('/proc/self/stat', 'utf8');
	// Fields after the command name (which may hold spaces), from field 3 (state): cutime is field 16, cstime 17.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[13]) + Number(fields[14])) / _ticksPerSecond;
}
