/** What a run reports as it goes, for progress bars and log lines. */
export type RunEvent =
	| {type: 'discovered'; total: number}
	| {type: 'document-started'; path: string}
	| {type: 'document-done'; path: string; seconds: number; llmCalls: number; cacheHits: number; chunks: number; collapseLevels: number; maxPromptTokens: number; warnings: string[]}
	| {type: 'document-failed'; path: string; code: string; message: string}
	| {type: 'document-skipped'; path: string; reason: 'unchanged' | 'failed-before' | 'claimed-elsewhere'}
	| {type: 'call-done'; promptTokens: number; cachedPromptTokens: number; outputTokens: number; durationMs: number; cached: boolean};
