-- precis store, schema version 5: paths met in the input folders and refused (a link leading outside
-- them or not followed, a FIFO, socket or device), so that `precis status` shows what was not read.
-- One row per path, describing the latest refusal. The target of a refused link is never recorded.
CREATE TABLE refused_inputs (
	path TEXT PRIMARY KEY,
	-- 'outside-inputs' | 'symlink-not-followed' | 'broken-link' | 'special-file'
	reason TEXT NOT NULL,
	message TEXT NOT NULL,
	run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
	refused_at TEXT NOT NULL
);
CREATE INDEX refused_inputs_reason ON refused_inputs (reason);
