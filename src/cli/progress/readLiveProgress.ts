import type {ProgressSnapshot} from '../../run/progress/ProgressSnapshot.js';
import type {Store} from '../../store/Store.js';
import type {RunRow} from '../../store/types.js';

export interface LiveProgress {
	runId: number;
	/** Seconds since the run saved it. */
	ageSeconds: number;
	/** As saved, with its ETA counted down by its age. */
	snapshot: ProgressSnapshot;
}

/** The progress last saved by each of `runs` still running (a run whose process died is not running). */
export function readLiveProgress(store: Pick<Store, 'getRunProgress'>, runs: readonly RunRow[], now = Date.now()): LiveProgress[] {
	const live: LiveProgress[] = [];
	for (const run of runs) {
		if (run.status !== 'running') continue;
		const saved = store.getRunProgress(run.id);
		if (saved === undefined) continue;
		const snapshot = JSON.parse(saved) as ProgressSnapshot;
		const ageSeconds = Math.max(0, (now - snapshot.at) / 1000);
		live.push({runId: run.id, ageSeconds, snapshot: {...snapshot, etaSeconds: snapshot.etaSeconds === null ? null : Math.max(0, snapshot.etaSeconds - ageSeconds)}});
	}
	return live;
}
