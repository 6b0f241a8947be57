/** Types of the store's API. Field names are camelCase; the SQL columns are their snake_case. */
import type {Citation, UnsupportedFact} from '../verify/VerificationResult.js';

export type RunStatus = 'running' | 'done' | 'failed' | 'interrupted';
export type DocumentStatus = 'pending' | 'running' | 'done' | 'failed';

export interface RunCounters {
	llmCalls: number;
	cacheHits: number;
	promptTokens: number;
	outputTokens: number;
	documentsTotal: number;
	documentsDone: number;
	documentsFailed: number;
	documentsSkipped: number;
}

export interface StartRunOptions {
	/** Name of the pipeline (for example `map-reduce`). */
	pipeline: string;
	/** Hash of the resolved configuration. */
	configHash: string;
}

export interface RunRow extends RunCounters {
	id: number;
	startedAt: string;
	finishedAt: string | null;
	status: RunStatus;
	host: string;
	pid: number;
	pipeline: string;
	configHash: string;
}

/** What is known of a file before it is summarized. */
export interface DocumentMeta {
	sha256: string;
	bytes: number;
	format: string;
	pages?: number | null;
	title?: string | null;
	runId: number;
}

export interface DocumentResult {
	/** The claim the writer holds: nothing is written unless it still holds that very claim. */
	lease?: Lease;
	summary: string;
	keyPoints?: readonly string[] | null;
	model: string;
	pipeline: string;
	/** Hash of the summarization settings that produced the summary. */
	summaryKey: string;
	promptTokens: number;
	outputTokens: number;
	llmCalls: number;
	seconds: number;
	runId: number;
	/** Every warning of the attempt (extraction's, the summary's, the fields'), in that order. @default none */
	warnings?: readonly string[];
	/** The part of `warnings` the summary gave, stored with it for a rerun that reuses it. @default none */
	summaryWarnings?: readonly string[];
	/** How the summarized text depends on the OCR settings (src/run/getSettingsKeys.ts, `getDocumentOcrKey`); null when it does not. @default null */
	ocrKey?: string | null;
}

export interface DocumentFailure {
	/** The claim the writer holds: nothing is written unless it still holds that very claim. */
	lease?: Lease;
	/** Hash of the bytes that failed; omit when they could not be read. */
	sha256?: string | null;
	/** An `ErrorCode` of src/errors.ts (stored as text). */
	code: string;
	message: string;
	/** false: not retried until the file's bytes or the settings that decided the failure (`failureKey`) change. */
	retryable: boolean;
	/** Hash of the settings that decided the failure. */
	failureKey?: string | null;
	runId: number;
}

export interface DocumentRow {
	path: string;
	sha256: string | null;
	bytes: number | null;
	format: string | null;
	pages: number | null;
	title: string | null;
	status: DocumentStatus;
	errorCode: string | null;
	errorMessage: string | null;
	retryable: boolean | null;
	summary: string | null;
	keyPoints: string[] | null;
	model: string | null;
	pipeline: string | null;
	summaryKey: string | null;
	promptTokens: number | null;
	outputTokens: number | null;
	llmCalls: number | null;
	seconds: number | null;
	runId: number | null;
	updatedAt: string;
	claimedBy: string | null;
	claimedAt: string | null;
	heartbeatAt: string | null;
	/** The token of the claim held now; see {@link Lease}. */
	claimToken: string | null;
	/** For a failure: hash of the settings that decided it; null for other rows and rows of schema version 1. */
	failureKey: string | null;
	/** A done document's warnings (see {@link DocumentResult}); null without a summary and for summaries stored before schema version 8. */
	warnings: string[] | null;
	/** The part of `warnings` the summary gave; null when `warnings` is. */
	summaryWarnings: string[] | null;
	/** A done document's OCR key (see {@link DocumentResult}); null for other rows, for text OCR never reads and for summaries stored before schema version 9. */
	ocrKey: string | null;
}

/** A process that works on documents; its claims are stored as `host:pid`. */
export interface ClaimOwner {
	host: string;
	pid: number;
}

/**
 * One claim on one document, as granted by `Store.claimDocument`. Every write its holder makes
 * under it presents `token`, and is refused once the claim was released, finished or taken over.
 */
export interface Lease {
	path: string;
	owner: ClaimOwner;
	token: string;
}

export interface CachedCall {
	key: string;
	output: string;
	promptTokens: number;
	outputTokens: number;
	durationMs: number;
	runId: number | null;
}

export interface ChunkMeta {
	index: number;
	tokens: number;
	charStart: number;
	charEnd: number;
	pageFirst?: number | null;
	pageLast?: number | null;
	/** Headings in force at the chunk start, outermost first. */
	headings?: readonly string[];
}

export interface StoreStatus {
	/** `withWarnings`: done documents whose summary came with warnings. */
	documents: {total: number; done: number; failed: number; pending: number; running: number; withWarnings: number};
	/** Latest first. */
	runs: RunRow[];
}

/** A path met in the input folders and not read; see `refused_inputs` in the migrations. */
export interface RefusedInputRow {
	path: string;
	/** 'outside-inputs', 'symlink-not-followed', 'broken-link' or 'special-file'. */
	reason: string;
	message: string;
	runId: number | null;
	refusedAt: string;
}

export interface FailureRow {
	path: string;
	errorCode: string | null;
	errorMessage: string | null;
	retryable: boolean;
	updatedAt: string;
	runId: number | null;
}

export interface ListDocumentsOptions {
	/** Only documents last written by this run. */
	runId?: number;
	/** Only documents updated at or after this time. */
	since?: Date;
	/** @default both 'done' and 'failed' (documents with an outcome) */
	status?: 'done' | 'failed';
}

/** A summary's check against its source, as stored (see src/verify). */
export interface StoredVerification {
	/** Hash of the checker's settings that produced it. */
	verifyKey: string;
	needsReview: boolean;
	citations: Citation[];
	unsupportedFacts: UnsupportedFact[];
	/** When `verify.repair` asked the model to correct the summary: both versions, and which one was kept (the one with fewer unsupported facts). */
	repair: RepairRecord | null;
}

export interface RepairRecord {
	kept: 'original' | 'repaired';
	original: {summary: string; unsupported_facts: UnsupportedFact[]};
	repaired: {summary: string; unsupported_facts: UnsupportedFact[]};
}
