import {ExitCode} from './ExitCode.js';

/**
 * Node ends a process whose event loop has emptied even while a command still awaits something that
 * lost its handle (seen with a request whose connection the server reset), and it ends it with exit
 * code 0, which cron reads as success. Call this before the command and the returned function once
 * it finished: an end before that becomes a bug report and exit code 1.
 */
export function guardUnfinishedCommand(): () => void {
	let finished = false;
	process.once('exit', code => {
		if (finished || code !== 0) return;
		process.stderr.write('precis: unexpected error (a bug; please report it): the command stopped before it finished, with nothing left to wait for\n');
		process.exitCode = ExitCode.CouldNotProceed;
	});
	return () => {
		finished = true;
	};
}
