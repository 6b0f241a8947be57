/** What a document in flight is doing, for its line under the overall progress. */
export interface LaneProgress {
	/** The file's name (no folder). */
	name: string;
	phase: 'extracting' | 'chunking' | 'map' | 'collapse' | 'reduce';
	/** 1.. for collapse levels; 0 otherwise. */
	level: number;
	/** Calls of the current phase done, and planned. */
	done: number;
	total: number;
}

/**
 * A run's progress at one moment, as the terminal shows it and `precis status` reads it back from
 * the store (so it is plain JSON). Work is counted in weighted tokens: prompt tokens plus output
 * tokens times `outputWeight`, the cost of an output token relative to a prompt token as this run
 * measured it.
 */
export interface ProgressSnapshot {
	/** When it was taken (ms since the epoch). */
	at: number;
	documents: {
		/** Known by discovery; a watcher's grows as files are queued. */
		total: number;
		done: number;
		failed: number;
		skipped: number;
		inFlight: number;
		/** Not started yet. */
		waiting: number;
	};
	/** A watcher's run: documents keep coming, so an empty queue means idle, not done. */
	open: boolean;
	calls: {done: number; planned: number};
	work: {done: number; planned: number};
	/** Part of the planned work is estimated: from file sizes (documents not chunked yet) or collapse and reduce calls not added yet. */
	estimated: boolean;
	/** Seconds until the planned work is done at the measured throughput; null while there is no basis yet. */
	etaSeconds: number | null;
	/** Output tokens per second over the throughput window; null before the first call. */
	outputTokensPerSecond: number | null;
	outputWeight: number;
	lanes: LaneProgress[];
}
