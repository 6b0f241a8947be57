import type Database from 'better-sqlite3';

/** Name of the SQL function `(claimed_by, host) -> 1 when that claimer is a dead process on this host`. */
export const claimDeadFunction = 'precis_claim_dead';

const _runColumns = `id, started_at AS startedAt, finished_at AS finishedAt, status, host, pid, pipeline,
	config_hash AS configHash, llm_calls AS llmCalls, cache_hits AS cacheHits, prompt_tokens AS promptTokens,
	output_tokens AS outputTokens, documents_total AS documentsTotal, documents_done AS documentsDone,
	documents_failed AS documentsFailed, documents_skipped AS documentsSkipped`;

const _documentColumns = `path, sha256, bytes, format, pages, title, status, error_code AS errorCode,
	error_message AS errorMessage, retryable, summary, key_points AS keyPoints, model, pipeline,
	summary_key AS summaryKey, prompt_tokens AS promptTokens, output_tokens AS outputTokens,
	llm_calls AS llmCalls, seconds, run_id AS runId, updated_at AS updatedAt, claimed_by AS claimedBy,
	claimed_at AS claimedAt, heartbeat_at AS heartbeatAt, claim_token AS claimToken, failure_key AS failureKey,
	warnings, summary_warnings AS summaryWarnings, ocr_key AS ocrKey`;

/** Result columns of an attempt, cleared whenever a new attempt or a failure replaces a result. */
const _clearResult = `error_code = NULL, error_message = NULL, retryable = NULL, failure_key = NULL, summary = NULL,
	key_points = NULL, model = NULL, pipeline = NULL, summary_key = NULL, prompt_tokens = NULL,
	output_tokens = NULL, llm_calls = NULL, seconds = NULL, warnings = NULL, summary_warnings = NULL, ocr_key = NULL`;

const _clearClaim = 'claimed_by = NULL, claimed_at = NULL, heartbeat_at = NULL, claim_token = NULL';
/**
 * An owned write (one that presents a claim token) changes the row only while that very claim is
 * held: not when the claim was taken over, nor when it was released or finished since. A write
 * without a token (tools and tests that claim nothing) is not guarded.
 */
const _heldBy = '@token IS NULL OR documents.claim_token IS @token';

/** Every statement the store runs, prepared once per connection (after migrating). */
export function prepareStatements(db: Database.Database) {
	return {
		insertRun: db.prepare(`INSERT INTO runs (started_at, status, host, pid, pipeline, config_hash)
			VALUES (@startedAt, 'running', @host, @pid, @pipeline, @configHash)`),
		listRunningRuns: db.prepare(`SELECT id, host, pid FROM runs WHERE status = 'running'`),
		/** Sets the non-null parameters: status, finished_at and any counter. */
		updateRun: db.prepare(`UPDATE runs SET
			status = coalesce(@status, status), finished_at = coalesce(@finishedAt, finished_at),
			llm_calls = coalesce(@llmCalls, llm_calls), cache_hits = coalesce(@cacheHits, cache_hits),
			prompt_tokens = coalesce(@promptTokens, prompt_tokens), output_tokens = coalesce(@outputTokens, output_tokens),
			documents_total = coalesce(@documentsTotal, documents_total), documents_done = coalesce(@documentsDone, documents_done),
			documents_failed = coalesce(@documentsFailed, documents_failed),
			documents_skipped = coalesce(@documentsSkipped, documents_skipped)
			WHERE id = @id`),
		getRun: db.prepare(`SELECT ${_runColumns} FROM runs WHERE id = ?`),
		listRuns: db.prepare(`SELECT ${_runColumns} FROM runs ORDER BY id DESC LIMIT ?`),
		saveRunProgress: db.prepare(`UPDATE runs SET progress = @progress WHERE id = @id`),
		getRunProgress: db.prepare(`SELECT progress FROM runs WHERE id = ?`).pluck(),

		getDocument: db.prepare(`SELECT ${_documentColumns} FROM documents WHERE path = ?`),
		/** A new attempt (pending or running): new file facts, previous result and error cleared, claim kept. */
		startAttempt: db.prepare(`INSERT INTO documents (path, sha256, bytes, format, pages, title, status, run_id, updated_at)
			VALUES (@path, @sha256, @bytes, @format, @pages, @title, @status, @runId, @now)
			ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes, format = excluded.format,
			pages = excluded.pages, title = excluded.title, status = excluded.status, run_id = excluded.run_id,
			updated_at = excluded.updated_at, ${_clearResult}
			WHERE ${_heldBy}`),
		markDone: db.prepare(`INSERT INTO documents (path, sha256, status, summary, key_points, model, pipeline, summary_key,
			prompt_tokens, output_tokens, llm_calls, seconds, warnings, summary_warnings, ocr_key, run_id, updated_at)
			VALUES (@path, @sha256, 'done', @summary, @keyPoints, @model, @pipeline, @summaryKey,
			@promptTokens, @outputTokens, @llmCalls, @seconds, @warnings, @summaryWarnings, @ocrKey, @runId, @now)
			ON CONFLICT (path) DO UPDATE SET ${_clearResult}, ${_clearClaim}, sha256 = excluded.sha256, status = 'done',
			summary = excluded.summary, key_points = excluded.key_points, model = excluded.model, pipeline = excluded.pipeline,
			summary_key = excluded.summary_key, prompt_tokens = excluded.prompt_tokens, output_tokens = excluded.output_tokens,
			llm_calls = excluded.llm_calls, seconds = excluded.seconds, warnings = excluded.warnings,
			summary_warnings = excluded.summary_warnings, ocr_key = excluded.ocr_key, run_id = excluded.run_id, updated_at = excluded.updated_at
			WHERE ${_heldBy}`),
		markFailed: db.prepare(`INSERT INTO documents (path, sha256, status, error_code, error_message, retryable, failure_key, run_id, updated_at)
			VALUES (@path, @sha256, 'failed', @code, @message, @retryable, @failureKey, @runId, @now)
			ON CONFLICT (path) DO UPDATE SET ${_clearResult}, ${_clearClaim}, sha256 = excluded.sha256, status = 'failed',
			error_code = excluded.error_code, error_message = excluded.error_message, retryable = excluded.retryable,
			failure_key = excluded.failure_key,
			run_id = excluded.run_id, updated_at = excluded.updated_at
			WHERE ${_heldBy}`),
		/**
		 * Claims a document in one statement (so atomically, under SQLite's write lock): inserts a pending
		 * row, or takes over a claim that is free, stale, or held by a dead process on this host, under a
		 * new token. A heartbeat further in the future than the staleness (the clock stepped back since
		 * it was written) proves nothing and counts as stale. `changes` is 1 when the claim is ours afterwards.
		 */
		claimDocument: db.prepare(`INSERT INTO documents (path, status, updated_at, claimed_by, claimed_at, heartbeat_at, claim_token)
			VALUES (@path, 'pending', @now, @owner, @now, @now, @token)
			ON CONFLICT (path) DO UPDATE SET claimed_by = excluded.claimed_by, heartbeat_at = excluded.heartbeat_at,
			claimed_at = excluded.claimed_at, claim_token = excluded.claim_token
			WHERE claim_token IS NULL OR heartbeat_at IS NULL OR heartbeat_at < @staleBefore OR heartbeat_at > @staleAfter
			OR ${claimDeadFunction}(claimed_by, @host)`),
		heartbeat: db.prepare(`UPDATE documents SET heartbeat_at = @now WHERE claimed_by = @owner AND claim_token IS NOT NULL`),
		releaseDocument: db.prepare(`UPDATE documents SET ${_clearClaim} WHERE path = @path AND claim_token = @token`),
		countDocuments: db.prepare(`SELECT count(*) AS total,
			count(*) FILTER (WHERE status = 'done') AS done, count(*) FILTER (WHERE status = 'failed') AS failed,
			count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'running') AS running,
			count(*) FILTER (WHERE status = 'done' AND json_array_length(warnings) > 0) AS withWarnings
			FROM documents`),
		listRecentFailures: db.prepare(`SELECT path, error_code AS errorCode, error_message AS errorMessage, retryable,
			updated_at AS updatedAt, run_id AS runId
			FROM documents WHERE status = 'failed' ORDER BY updated_at DESC, path LIMIT ?`),
		listDocuments: db.prepare(`SELECT path, sha256, format, pages, title, status, error_code, error_message, summary,
			key_points, model, pipeline, prompt_tokens, output_tokens, seconds, updated_at, warnings AS warningsJson
			FROM documents
			WHERE (@runId IS NULL OR run_id = @runId) AND (@since IS NULL OR updated_at >= @since)
			AND (CASE WHEN @status IS NULL THEN status IN ('done', 'failed') ELSE status = @status END)
			ORDER BY path`),

		recordRefusedInput: db.prepare(`INSERT INTO refused_inputs (path, reason, message, run_id, refused_at)
			VALUES (@path, @reason, @message, @runId, @now)
			ON CONFLICT (path) DO UPDATE SET reason = excluded.reason, message = excluded.message,
			run_id = excluded.run_id, refused_at = excluded.refused_at`),
		countRefusedInputs: db.prepare(`SELECT reason, count(*) AS count FROM refused_inputs GROUP BY reason ORDER BY reason`),
		listRefusedInputs: db.prepare(`SELECT path, reason, message, run_id AS runId, refused_at AS refusedAt
			FROM refused_inputs ORDER BY refused_at DESC, path LIMIT ?`),

		getCall: db.prepare(`SELECT cache_key AS key, output, prompt_tokens AS promptTokens, output_tokens AS outputTokens,
			duration_ms AS durationMs, run_id AS runId FROM model_calls WHERE cache_key = ?`),
		putCall: db.prepare(`INSERT OR IGNORE INTO model_calls
			(cache_key, output, prompt_tokens, output_tokens, duration_ms, created_at, run_id)
			VALUES (@key, @output, @promptTokens, @outputTokens, @durationMs, @now, @runId)`),
		/** A forced call's fresh output over the cached one. */
		replaceCall: db.prepare(`INSERT OR REPLACE INTO model_calls
			(cache_key, output, prompt_tokens, output_tokens, duration_ms, created_at, run_id)
			VALUES (@key, @output, @promptTokens, @outputTokens, @durationMs, @now, @runId)`),

		deleteChunks: db.prepare(`DELETE FROM chunks WHERE sha256 = ? AND chunk_key = ?`),
		insertChunk: db.prepare(`INSERT INTO chunks
			(sha256, chunk_key, chunk_index, tokens, char_start, char_end, page_first, page_last, headings)
			VALUES (@sha256, @chunkKey, @index, @tokens, @charStart, @charEnd, @pageFirst, @pageLast, @headings)`),
		getExtractedText: db.prepare('SELECT document FROM extracted_texts WHERE sha256 = ? AND text_key = ?').pluck(),
		/** One text per content: a text extracted under new settings replaces the one under the old. */
		putExtractedText: db.prepare(`INSERT INTO extracted_texts (sha256, text_key, document, created_at)
			VALUES (@sha256, @textKey, @document, @now)
			ON CONFLICT (sha256) DO UPDATE SET text_key = excluded.text_key, document = excluded.document,
			created_at = excluded.created_at`),
		listChunks: db.prepare(`SELECT chunk_index AS "index", tokens, char_start AS charStart, char_end AS charEnd,
			page_first AS pageFirst, page_last AS pageLast, headings
			FROM chunks WHERE sha256 = ? AND chunk_key = ? ORDER BY chunk_index`),
	};
}

export type Statements = ReturnType<typeof prepareStatements>;
