import {randomUUID} from 'node:crypto';
import {mkdirSync} from 'node:fs';
import {hostname} from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {PipelineError} from '../errors.js';
import type {DocumentRecord} from './DocumentRecord.js';
import type {FieldRecord, FieldResult} from './FieldRecord.js';
import {migrate} from './migrate.js';
import {prepareFieldStatements} from './prepareFieldStatements.js';
import {claimDeadFunction, prepareStatements, type Statements} from './prepareStatements.js';
import {prepareVerificationStatements, type VerificationStatements} from './prepareVerificationStatements.js';
import type {
	CachedCall, ChunkMeta, ClaimOwner, DocumentFailure, DocumentMeta, DocumentResult, DocumentRow,
	FailureRow, Lease, ListDocumentsOptions, RefusedInputRow, RunCounters, RunRow, RunStatus, StartRunOptions, StoredVerification, StoreStatus,
} from './types.js';

export interface StoreOptions {
	/** How long a write waits for another process's lock before failing with `E_DB_BUSY`. @default 5000 */
	busyTimeoutMs?: number;
	/** Milliseconds since the epoch, for timestamps and lease ages (tests step it). @default Date.now */
	clock?: () => number;
}

/**
 * Opens (creating it and its folder if needed) and migrates the SQLite database at `file`, in WAL
 * mode so that `precis status` can read while a run writes.
 */
export function openStore(file: string, options: StoreOptions = {}): Store {
	const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
	if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
		throw new TypeError(`Expected \`busyTimeoutMs\` to be a non-negative integer, got ${busyTimeoutMs}`);
	}
	if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), {recursive: true});
	const db = new Database(file);
	try {
		db.pragma(`busy_timeout = ${busyTimeoutMs}`);
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = NORMAL');
		db.pragma('foreign_keys = ON');
		db.function(claimDeadFunction, {deterministic: false}, (claimedBy, host) =>
			typeof claimedBy === 'string' && typeof host === 'string' && _isDeadClaimer(claimedBy, host) ? 1 : 0);
		migrate(db);
		return new Store(db, busyTimeoutMs, options.clock ?? Date.now);
	} catch (error) {
		db.close();
		throw error;
	}
}

/**
 * The precis database: runs, documents (one row per file path, with leases), cached model calls and
 * chunk metadata. Every method is synchronous and every write commits at once, so no transaction is
 * ever held across an `await`. Build one with {@link openStore}.
 */
export class Store {
	readonly #db: Database.Database;
	readonly #statements: Statements;
	readonly #verifications: VerificationStatements;
	readonly #busyTimeoutMs: number;
	readonly #fieldStatements: ReturnType<typeof prepareFieldStatements>;
	readonly #clock: () => number;

	constructor(db: Database.Database, busyTimeoutMs: number, clock: () => number = Date.now) {
		this.#db = db;
		this.#busyTimeoutMs = busyTimeoutMs;
		this.#clock = clock;
		this.#statements = prepareStatements(db);
		this.#verifications = prepareVerificationStatements(db);
		this.#fieldStatements = prepareFieldStatements(db);
	}

	/** The database file's path. */
	get path(): string {
		return this.#db.name;
	}

	/** Starts a run owned by this process. Runs left 'running' by dead processes of this host become 'interrupted'. */
	startRun(options: StartRunOptions): number {
		return this.#write('starting a run', () => this.#db.transaction(() => {
			for (const run of this.#statements.listRunningRuns.all() as Array<{id: number; host: string; pid: number}>) {
				if (_isDeadClaimer(`${run.host}:${run.pid}`, hostname())) {
					this.#statements.updateRun.run({..._noRunUpdate, id: run.id, status: 'interrupted'});
				}
			}
			const result = this.#statements.insertRun.run({
				startedAt: this.#now(), host: hostname(), pid: process.pid, pipeline: options.pipeline, configHash: options.configHash,
			});
			return Number(result.lastInsertRowid);
		}).immediate());
	}

	/** Sets the given counters (absolute values, not increments) of a live run. */
	updateRunCounters(runId: number, counters: Partial<RunCounters>): void {
		this.#write('updating run counters', () => this.#statements.updateRun.run({..._noRunUpdate, ..._dropUndefined(counters), id: runId}));
	}

	finishRun(runId: number, status: Exclude<RunStatus, 'running'>, counters: Partial<RunCounters> = {}): void {
		this.#write('finishing a run', () =>
			this.#statements.updateRun.run({..._noRunUpdate, ..._dropUndefined(counters), id: runId, status, finishedAt: this.#now()}));
	}

	/** Replaces a run's progress snapshot (JSON, written by the runner's reporter and not read into here). */
	saveRunProgress(runId: number, progress: string): void {
		this.#write('saving run progress', () => this.#statements.saveRunProgress.run({id: runId, progress}));
	}

	/** A run's latest progress snapshot as saved; undefined when it has none. */
	getRunProgress(runId: number): string | undefined {
		return (this.#statements.getRunProgress.get(runId) as string | null | undefined) ?? undefined;
	}

	getRun(runId: number): RunRow | undefined {
		return this.#statements.getRun.get(runId) as RunRow | undefined;
	}

	/** The row of `file` (its latest attempt); the rule that reads it is the runner's `decideDocument`. */
	getDocument(file: string): DocumentRow | undefined {
		const row = this.#statements.getDocument.get(file) as (Omit<DocumentRow, 'retryable' | 'keyPoints' | 'warnings' | 'summaryWarnings'>
			& {retryable: number | null; keyPoints: string | null; warnings: string | null; summaryWarnings: string | null}) | undefined;
		if (row === undefined) return undefined;
		return {
			...row, retryable: row.retryable === null ? null : row.retryable === 1, keyPoints: _parseStrings(row.keyPoints),
			warnings: _parseStrings(row.warnings), summaryWarnings: _parseStrings(row.summaryWarnings),
		};
	}

	/**
	 * Records that a new attempt at `file` is queued: its file facts replace the old ones and any
	 * earlier result or error is cleared (the row always describes the latest attempt). A claim is
	 * kept. With `lease`, nothing is written unless that claim is still held; returns whether it was written.
	 */
	recordPending(file: string, meta: DocumentMeta, lease?: Lease): boolean {
		return this.#startAttempt(file, meta, 'pending', lease);
	}

	/** Like {@link recordPending}, for an attempt that has begun. */
	markRunning(file: string, meta: DocumentMeta, lease?: Lease): boolean {
		return this.#startAttempt(file, meta, 'running', lease);
	}

	/**
	 * The only way a document becomes 'done' for `sha256`. Releases any claim on it. With
	 * `result.lease`, nothing is written unless that claim is still held (a process that stalled past
	 * its lease may have lost it, and the next holder may have finished since); returns whether the
	 * outcome was written.
	 */
	markDone(file: string, sha256: string, result: DocumentResult): boolean {
		return this.#write(`recording the summary of ${file}`, () => this.#statements.markDone.run({
			path: file,
			sha256,
			summary: result.summary,
			keyPoints: result.keyPoints === undefined || result.keyPoints === null ? null : JSON.stringify(result.keyPoints),
			model: result.model,
			pipeline: result.pipeline,
			summaryKey: result.summaryKey,
			token: result.lease?.token ?? null,
			promptTokens: result.promptTokens,
			outputTokens: result.outputTokens,
			llmCalls: result.llmCalls,
			seconds: result.seconds,
			warnings: JSON.stringify(result.warnings ?? []),
			summaryWarnings: JSON.stringify(result.summaryWarnings ?? []),
			ocrKey: result.ocrKey ?? null,
			runId: result.runId,
			now: this.#now(),
		})).changes === 1;
	}

	/**
	 * Records a failure; it clears any earlier summary (never marks the bytes as processed) and
	 * releases any claim. `failure.lease` guards it as in {@link markDone}; returns whether it was written.
	 */
	markFailed(file: string, failure: DocumentFailure): boolean {
		return this.#write(`recording the failure of ${file}`, () => this.#statements.markFailed.run({
			path: file,
			sha256: failure.sha256 ?? null,
			code: failure.code,
			message: failure.message,
			retryable: failure.retryable ? 1 : 0,
			failureKey: failure.failureKey ?? null,
			runId: failure.runId,
			token: failure.lease?.token ?? null,
			now: this.#now(),
		})).changes === 1;
	}

	/**
	 * Claims `file` for `owner`, atomically across processes, under a new token: succeeds when the
	 * claim is free, its last heartbeat is more than `staleAfterMs` away from now (in either direction:
	 * a clock stepped back cannot pin a dead claim), or its holder is a dead process on this host.
	 * A held claim is not granted again, not even to its own process. Returns the lease, or undefined.
	 * After a successful claim, read the document again: another process may have finished it
	 * between your first look and the claim.
	 */
	claimDocument(file: string, owner: ClaimOwner, staleAfterMs: number): Lease | undefined {
		const now = this.#clock();
		const token = randomUUID();
		const result = this.#write(`claiming ${file}`, () => this.#statements.claimDocument.run({
			path: file,
			owner: _formatOwner(owner),
			host: owner.host,
			token,
			now: new Date(now).toISOString(),
			staleBefore: new Date(now - staleAfterMs).toISOString(),
			staleAfter: new Date(now + staleAfterMs).toISOString(),
		}));
		return result.changes === 1 ? {path: file, owner, token} : undefined;
	}

	/** Refreshes every claim of `owner`; returns how many it holds. Call it well within the staleness. */
	heartbeat(owner: ClaimOwner): number {
		return this.#write('refreshing claims', () =>
			this.#statements.heartbeat.run({owner: _formatOwner(owner), now: this.#now()})).changes;
	}

	/** Gives up `lease`; does nothing when the claim is no longer that lease's. */
	releaseDocument(lease: Lease): void {
		this.#write(`releasing ${lease.path}`, () => this.#statements.releaseDocument.run({path: lease.path, token: lease.token}));
	}

	getCachedCall(key: string): CachedCall | undefined {
		return this.#statements.getCall.get(key) as CachedCall | undefined;
	}

	/**
	 * Stores a model call's output under its cache key. An existing entry is kept, unless `replace`
	 * (a forced call's fresh output replaces the cached one). Returns whether it was written.
	 */
	putCall(call: CachedCall, options: {replace?: boolean} = {}): boolean {
		const statement = options.replace === true ? this.#statements.replaceCall : this.#statements.putCall;
		return this.#write('caching a model call', () =>
			statement.run({...call, runId: call.runId ?? null, now: this.#now()})).changes === 1;
	}

	/** Replaces the chunk metadata of content `sha256` under chunking settings `chunkKey`. */
	putChunks(sha256: string, chunkKey: string, chunks: readonly ChunkMeta[]): void {
		this.#write('recording chunks', () => this.#db.transaction(() => {
			this.#statements.deleteChunks.run(sha256, chunkKey);
			for (const chunk of chunks) {
				this.#statements.insertChunk.run({
					sha256, chunkKey, index: chunk.index, tokens: chunk.tokens, charStart: chunk.charStart, charEnd: chunk.charEnd,
					pageFirst: chunk.pageFirst ?? null, pageLast: chunk.pageLast ?? null, headings: JSON.stringify(chunk.headings ?? []),
				});
			}
		})());
	}

	listChunks(sha256: string, chunkKey: string): ChunkMeta[] {
		const rows = this.#statements.listChunks.all(sha256, chunkKey) as Array<Omit<ChunkMeta, 'headings'> & {headings: string}>;
		return rows.map(row => ({...row, headings: JSON.parse(row.headings) as string[]}));
	}

	/** Stored results of content `sha256`'s fields, by item key; keys without a result are absent. */
	getFieldValues(sha256: string, itemKeys: readonly string[]): Map<string, FieldResult> {
		const found = new Map<string, FieldResult>();
		for (const key of itemKeys) {
			const result = this.#fieldStatements.getFieldValue.get(sha256, key) as string | undefined;
			if (result !== undefined) found.set(key, JSON.parse(result) as FieldResult);
		}
		return found;
	}

	/** Stores field results of content `sha256` under their item keys; existing ones are kept. */
	putFieldValues(sha256: string, results: ReadonlyMap<string, FieldResult>): void {
		this.#write('recording field values', () => this.#db.transaction(() => {
			for (const [key, result] of results) this.#fieldStatements.putFieldValue.run({sha256, key, result: JSON.stringify(result), now: this.#now()});
		})());
	}

	/** Records the fields and answers of `file`'s latest attempt (content `sha256`), in report order. */
	putDocumentFields(file: string, sha256: string, items: readonly FieldRecord[]): void {
		this.#write(`recording the fields of ${file}`, () => this.#fieldStatements.putDocumentFields.run({path: file, sha256, items: JSON.stringify(items), now: this.#now()}));
	}

	/** Every document's recorded fields, by path, with the content hash they were extracted from. */
	listDocumentFields(): Map<string, {sha256: string; items: FieldRecord[]}> {
		const rows = this.#fieldStatements.listDocumentFields.all() as Array<{path: string; sha256: string; items: string}>;
		return new Map(rows.map(row => [row.path, {sha256: row.sha256, items: JSON.parse(row.items) as FieldRecord[]}]));
	}

	/**
	 * Document counts and the latest `runLimit` runs. A run still 'running' whose process is dead
	 * on this host is reported as 'interrupted' (the next run records that).
	 */
	getStatus(runLimit = 10): StoreStatus {
		const documents = this.#statements.countDocuments.get() as StoreStatus['documents'];
		const runs = (this.#statements.listRuns.all(runLimit) as RunRow[]).map(run =>
			run.status === 'running' && _isDeadClaimer(`${run.host}:${run.pid}`, hostname()) ? {...run, status: 'interrupted' as const} : run);
		return {documents, runs};
	}

	listRecentFailures(limit = 20): FailureRow[] {
		return (this.#statements.listRecentFailures.all(limit) as Array<Omit<FailureRow, 'retryable'> & {retryable: number}>)
			.map(row => ({...row, retryable: row.retryable === 1}));
	}

	/** Records that `file`, met in the input folders, was not read and why (the latest refusal per path is kept). */
	recordRefusedInput(file: string, refusal: Pick<RefusedInputRow, 'reason' | 'message' | 'runId'>): void {
		this.#write(`recording that ${file} was refused`, () => this.#statements.recordRefusedInput.run({path: file, ...refusal, now: this.#now()}));
	}

	/** Paths refused, counted by reason, and the latest `limit` of them. */
	getRefusedInputs(limit = 10): {byReason: Record<string, number>; latest: RefusedInputRow[]} {
		const counts = this.#statements.countRefusedInputs.all() as Array<{reason: string; count: number}>;
		return {byReason: Object.fromEntries(counts.map(row => [row.reason, row.count])), latest: this.#statements.listRefusedInputs.all(limit) as RefusedInputRow[]};
	}

	/**
	 * Keeps the extracted document of content `sha256` (packed by the runner; the store does not read
	 * it) under the extraction settings `textKey`, replacing a text of that content under other
	 * settings. The text goes once no document row holds that content any more (migration 0007).
	 */
	putExtractedText(sha256: string, textKey: string, document: Uint8Array): void {
		this.#write(`storing the text of ${sha256}`, () => this.#statements.putExtractedText.run({sha256, textKey, document, now: this.#now()}));
	}

	/** The packed document stored for content `sha256` under the settings `textKey`, if any. */
	getExtractedText(sha256: string, textKey: string): Buffer | undefined {
		return this.#statements.getExtractedText.get(sha256, textKey) as Buffer | undefined;
	}

	/** Documents with an outcome, ordered by path, shaped for the report exporters. */
	listDocuments(options: ListDocumentsOptions = {}): DocumentRecord[] {
		const rows = this.#statements.listDocuments.all({
			runId: options.runId ?? null,
			since: options.since?.toISOString() ?? null,
			status: options.status ?? null,
		}) as Array<Omit<DocumentRecord, 'key_points' | 'citations' | 'unsupported_facts' | 'needs_review' | 'warnings'> & {key_points: string | null; warningsJson: string | null}>;
		return rows.map(({warningsJson, ...row}) => {
			const verification = this.getVerification(row.path);
			return {
				...row, key_points: _parseStrings(row.key_points), citations: verification?.citations ?? null,
				unsupported_facts: verification?.unsupportedFacts ?? null, needs_review: verification?.needsReview ?? null, warnings: _parseStrings(warningsJson),
			};
		});
	}

	/**
	 * Records the check of the summary `summary` of `file` (content `sha256`) under checker settings
	 * `verification.verifyKey`; it counts only while that summary is the document's.
	 */
	putVerification(file: string, sha256: string, summary: string, verification: StoredVerification): void {
		this.#write(`recording the check of ${file}`, () => this.#verifications.putVerification.run({
			path: file, sha256, summary, verifyKey: verification.verifyKey, needsReview: verification.needsReview ? 1 : 0,
			citations: JSON.stringify(verification.citations), unsupportedFacts: JSON.stringify(verification.unsupportedFacts),
			repair: verification.repair === null ? null : JSON.stringify(verification.repair), now: this.#now(),
		}));
	}

	/** The check of the document's current summary, if it has been checked. */
	getVerification(file: string): StoredVerification | undefined {
		const row = this.#verifications.getVerification.get(file) as
			{verifyKey: string; needsReview: number; citations: string; unsupportedFacts: string; repair: string | null} | undefined;
		if (row === undefined) return undefined;
		return {
			verifyKey: row.verifyKey, needsReview: row.needsReview === 1, citations: JSON.parse(row.citations) as StoredVerification['citations'],
			unsupportedFacts: JSON.parse(row.unsupportedFacts) as StoredVerification['unsupportedFacts'],
			repair: row.repair === null ? null : JSON.parse(row.repair) as StoredVerification['repair'],
		};
	}

	/** Done documents whose current summary was checked and needs review; only those last written by `runId` when given. */
	countNeedsReview(runId?: number): number {
		return (this.#verifications.countNeedsReview.get({runId: runId ?? null}) as {count: number}).count;
	}

	/** Closes the database; safe to call twice. */
	close(): void {
		if (this.#db.open) this.#db.close();
	}

	[Symbol.dispose](): void {
		this.close();
	}

	#startAttempt(file: string, meta: DocumentMeta, status: 'pending' | 'running', lease: Lease | undefined): boolean {
		return this.#write(`recording ${file} as ${status}`, () => this.#statements.startAttempt.run({
			path: file, sha256: meta.sha256, bytes: meta.bytes, format: meta.format, pages: meta.pages ?? null,
			title: meta.title ?? null, status, runId: meta.runId, now: this.#now(), token: lease?.token ?? null,
		})).changes === 1;
	}

	#now(): string {
		return new Date(this.#clock()).toISOString();
	}

	/** Runs a write; a lock held by another process past the busy timeout becomes `E_DB_BUSY`. */
	#write<T>(what: string, write: () => T): T {
		try {
			return write();
		} catch (error) {
			if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) {
				throw new PipelineError('E_DB_BUSY', `database ${this.#db.name} stayed locked by another process for ${this.#busyTimeoutMs} ms while ${what}: retry, or stop the other precis process using it`, {cause: error});
			}
			throw error;
		}
	}
}

/** Parameters of `updateRun` that leave a run unchanged; callers spread their changes over it. */
const _noRunUpdate = {
	status: null, finishedAt: null, llmCalls: null, cacheHits: null, promptTokens: null, outputTokens: null,
	documentsTotal: null, documentsDone: null, documentsFailed: null, documentsSkipped: null,
};

/** better-sqlite3 refuses `undefined` parameters; an absent counter keeps its value. */
function _dropUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function _formatOwner(owner: ClaimOwner): string {
	return `${owner.host}:${owner.pid}`;
}

/** A JSON array of strings as stored (key points, warnings); null stays null. */
function _parseStrings(json: string | null): string[] | null {
	return json === null ? null : JSON.parse(json) as string[];
}

/** Whether `claimedBy` (`host:pid`) names a process of `host` that no longer exists. */
function _isDeadClaimer(claimedBy: string, host: string): boolean {
	const colon = claimedBy.lastIndexOf(':');
	const pid = Number(claimedBy.slice(colon + 1));
	if (claimedBy.slice(0, colon) !== host || !Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}
