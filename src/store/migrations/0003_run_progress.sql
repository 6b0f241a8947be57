-- precis store, schema version 2: a live run's progress.
-- `progress` is the latest progress snapshot of the run as JSON (work done and planned, ETA,
-- documents in flight), rewritten every few seconds while the run is live so that `precis status`
-- in another process shows the same figures as the run's terminal. The store does not read into it.
ALTER TABLE runs ADD COLUMN progress TEXT CHECK (progress IS NULL OR json_valid(progress));
