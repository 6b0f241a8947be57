import type {ProgressSnapshot} from '../../run/progress/ProgressSnapshot.js';

/** A progress snapshot as one JSON log line's fields, for unattended runs and `precis status --json`. */
export function toProgressLogEvent(snapshot: ProgressSnapshot): Record<string, unknown> {
	const {documents, calls, work, estimated} = snapshot;
	return {
		documents, calls, work, estimated,
		percent: work.planned > 0 ? Math.floor(work.done / work.planned * 1000) / 10 : 0,
		etaSeconds: snapshot.etaSeconds === null ? null : Math.round(snapshot.etaSeconds),
		outputTokensPerSecond: snapshot.outputTokensPerSecond === null ? null : Math.round(snapshot.outputTokensPerSecond * 10) / 10,
		inFlight: snapshot.lanes,
	};
}
