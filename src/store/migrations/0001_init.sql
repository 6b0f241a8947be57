-- precis store, schema version 1.
-- Append-only: never edit a released migration; add 0002_*.sql instead. migrate.ts runs each file in
-- its own transaction and records its number in PRAGMA user_version.
-- Timestamps are ISO-8601 UTC text (`Date#toISOString()`), so they sort and compare as text.

-- One row per `precis run` (or watcher batch). Counters are rewritten often while the run is live,
-- so `precis status` in another process can show progress.
CREATE TABLE runs (
	id INTEGER PRIMARY KEY,
	started_at TEXT NOT NULL,
	finished_at TEXT,
	status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
	host TEXT NOT NULL,
	pid INTEGER NOT NULL,
	pipeline TEXT NOT NULL,
	-- hash of the resolved configuration the run used
	config_hash TEXT NOT NULL,
	llm_calls INTEGER NOT NULL DEFAULT 0,
	cache_hits INTEGER NOT NULL DEFAULT 0,
	prompt_tokens INTEGER NOT NULL DEFAULT 0,
	output_tokens INTEGER NOT NULL DEFAULT 0,
	documents_total INTEGER NOT NULL DEFAULT 0,
	documents_done INTEGER NOT NULL DEFAULT 0,
	documents_failed INTEGER NOT NULL DEFAULT 0,
	documents_skipped INTEGER NOT NULL DEFAULT 0
);

-- One row per file path: the latest attempt at that file. A changed file replaces its earlier result.
-- `status = 'done'` together with `sha256` and `summary_key` is the only "already processed" marker;
-- it is written only when a summary is stored, never by a failure.
CREATE TABLE documents (
	path TEXT PRIMARY KEY,
	-- hex sha256 of the bytes of the latest attempt; NULL when they could not be read
	sha256 TEXT,
	bytes INTEGER,
	format TEXT,
	pages INTEGER,
	title TEXT,
	status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
	error_code TEXT,
	error_message TEXT,
	-- 0/1 for failures (0: not retried until the bytes change), NULL otherwise
	retryable INTEGER CHECK (retryable IN (0, 1)),
	summary TEXT,
	-- JSON array of strings
	key_points TEXT CHECK (key_points IS NULL OR json_valid(key_points)),
	model TEXT,
	pipeline TEXT,
	-- hash of the summarization settings that produced `summary`
	summary_key TEXT,
	prompt_tokens INTEGER,
	output_tokens INTEGER,
	llm_calls INTEGER,
	seconds REAL,
	run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
	updated_at TEXT NOT NULL,
	-- lease: `host:pid` of the process working on this document, NULL when free
	claimed_by TEXT,
	claimed_at TEXT,
	heartbeat_at TEXT
);
CREATE INDEX documents_status ON documents (status, updated_at);
CREATE INDEX documents_run ON documents (run_id);
CREATE INDEX documents_updated ON documents (updated_at);
CREATE INDEX documents_claimed_by ON documents (claimed_by) WHERE claimed_by IS NOT NULL;

-- Cache of model calls. `cache_key` is computed by the caller from exactly what determines the
-- output (engine id, messages, sampling settings); a row is never updated.
CREATE TABLE model_calls (
	cache_key TEXT PRIMARY KEY,
	output TEXT NOT NULL,
	prompt_tokens INTEGER NOT NULL,
	output_tokens INTEGER NOT NULL,
	duration_ms INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL
);

-- Chunk metadata per content hash and chunking settings, for status and inspection.
CREATE TABLE chunks (
	sha256 TEXT NOT NULL,
	chunk_key TEXT NOT NULL,
	chunk_index INTEGER NOT NULL,
	tokens INTEGER NOT NULL,
	char_start INTEGER NOT NULL,
	char_end INTEGER NOT NULL,
	page_first INTEGER,
	page_last INTEGER,
	-- JSON array of the headings in force at the chunk start, outermost first
	headings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(headings)),
	PRIMARY KEY (sha256, chunk_key, chunk_index)
) WITHOUT ROWID;
