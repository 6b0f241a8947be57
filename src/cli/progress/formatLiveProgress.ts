import type {LiveProgress} from './readLiveProgress.js';
import {renderProgressLines} from './renderProgressLines.js';
import {toProgressLogEvent} from './toProgressLogEvent.js';

/** A progress saved longer ago than this is flagged: the run may be stalled (or its host's clock off). */
const _staleSeconds = 30;

/** `precis status`'s lines for runs in progress: the same lines the run's terminal shows. */
export function formatLiveProgress(live: readonly LiveProgress[]): string[] {
	const lines: string[] = [];
	for (const {runId, ageSeconds, snapshot} of live) {
		const age = ageSeconds < _staleSeconds ? '' : `; saved ${Math.round(ageSeconds)} s ago, the run may be stalled`;
		lines.push('', `run ${runId} in progress${age}:`, ...renderProgressLines(snapshot));
	}
	return lines;
}

/** The same for `precis status --json`. */
export function formatLiveProgressJson(live: readonly LiveProgress[]): object[] {
	return live.map(({runId, ageSeconds, snapshot}) => ({runId, ageSeconds: Math.round(ageSeconds), ...toProgressLogEvent(snapshot)}));
}
