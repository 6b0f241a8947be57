import type {RefusalReason} from '../ingest/createInputGuard.js';
import type {PromptKind} from '../summarize/buildMessages.js';
import type {SummarizeProgress} from '../summarize/SummarizeProgress.js';

/** What a run reports as it goes, for progress bars, log lines and the live progress `precis status` shows. */
export type RunEvent =
	| {type: 'run-started'; runId: number}
	/** The documents a run will go through, with their sizes (null when a file could not be read). */
	| {type: 'discovered'; total: number; documents: Array<{path: string; bytes: number | null}>}
	/** A watcher queued a settled file. */
	| {type: 'document-queued'; path: string}
	| {type: 'document-started'; path: string; bytes: number}
	/** `reused`: the text stored by an earlier run for the same bytes and extraction settings, no extraction process asked. */
	| {type: 'document-extracted'; path: string; chars: number; reused: boolean}
	| (SummarizeProgress & {path: string})
	| {type: 'document-done'; path: string; seconds: number; llmCalls: number; cacheHits: number; chunks: number; collapseLevels: number; maxPromptTokens: number; warnings: string[]}
	/** `retryable`: the failure may pass (a server that was down); false: it stands until the file or the settings that decided it change. */
	| {type: 'document-failed'; path: string; code: string; message: string; retryable: boolean}
	/**
	 * Not worked on: unchanged, failed before, or held by another process; or, with a RefusalReason and
	 * a `message`, a path in the input folders not read at all (a link leading outside them, a FIFO...).
	 */
	| {type: 'document-skipped'; path: string; reason: 'unchanged' | 'failed-before' | 'claimed-elsewhere' | RefusalReason; message?: string}
	| {type: 'call-done'; path: string; kind: PromptKind | 'fields'; level: number; promptTokens: number; cachedPromptTokens: number; outputTokens: number; durationMs: number; cached: boolean};
