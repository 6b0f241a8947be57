/** What `runBatch` returns: the run's counts and token totals. */
export interface RunResult {
	runId: number;
	/**
	 * Documents in the run's scope by outcome. `skipped` counts every document not worked on;
	 * `failedBefore` is the part of it skipped because it failed permanently before, unchanged since
	 * (still failed: a run that skips them has not produced everything it was asked for).
	 */
	documents: {total: number; done: number; failed: number; skipped: number; failedBefore: number};
	llmCalls: number;
	cacheHits: number;
	/** Prompt tokens sent in this run's model calls. */
	promptTokens: number;
	/** Prompt tokens the engine actually evaluated: those sent, less a prefix it kept from an earlier call. */
	evaluatedPromptTokens: number;
	outputTokens: number;
	maxPromptTokens: number;
	/** Documents' texts read in this run: by an extraction process, or reused from the store (same bytes, same extraction settings). */
	texts: {extracted: number; reused: number};
	/** The engine's context; null when the engine was never loaded (no document needed it). */
	contextSize: number | null;
	wallSeconds: number;
	interrupted: boolean;
}
