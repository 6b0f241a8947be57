/** The exit codes of every precis command. */
export const ExitCode = {
	/** Every document done, or skipped as unchanged. */
	Ok: 0,
	/** The command could not proceed: bad config, model unavailable, usage error. */
	CouldNotProceed: 1,
	/** The run finished but some documents failed. */
	SomeFailed: 2,
} as const;
