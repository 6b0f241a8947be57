/** What a run reports as it goes, for progress bars and log lines. */
export type RunEvent =
	| {type: 'discovered'; total: number}
	| {type: 'document-started'; path: string}
	| {type: 'document-done'; path: string; seconds: number; llmCalls: number; cacheHits: number; chunks: number; collapseLevels: number; maxPromptTokens: number; warnings: string[]}
	/** `retryable`: the failure may pass (a server that was down); false: it stands until the file or the settings that decided it change. */
	| {type: 'document-failed'; path: string; code: string; message: string; retryable: boolean}
	| {type: 'document-skipped'; path: string; reason: 'unchanged' | 'failed-before' | 'claimed-elsewhere'}
	| {type: 'call-done'; promptTokens: number; cachedPromptTokens: number; outputTokens: number; durationMs: number; cached: boolean};
