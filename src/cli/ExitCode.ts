import type {RunResult} from '../run/RunResult.js';

/** The exit codes of every precis command; the README's table lists them. */
export const ExitCode = {
	/** Every document in scope done, or skipped as done before and unchanged. */
	Ok: 0,
	/** The command could not proceed: bad config, model unavailable, usage error, a database that stayed locked. */
	CouldNotProceed: 1,
	/** The run finished but some documents failed in it. */
	SomeFailed: 2,
	/**
	 * The run finished and nothing failed in it, but documents in its scope failed in an earlier run
	 * and were skipped, unchanged (their failure stands: `precis status` lists them, `--retry-failed`
	 * or a change of the settings that decided them tries them again).
	 */
	FailedBefore: 3,
	/** The run was interrupted (SIGINT or SIGTERM) before it finished; a plain rerun resumes it. */
	Interrupted: 130,
} as const;

/** The exit code of a `precis run` that returned (one that threw exits with CouldNotProceed). */
export function getRunExitCode(result: Pick<RunResult, 'interrupted' | 'documents'>): number {
	if (result.interrupted) return ExitCode.Interrupted;
	if (result.documents.failed > 0) return ExitCode.SomeFailed;
	return result.documents.failedBefore > 0 ? ExitCode.FailedBefore : ExitCode.Ok;
}
