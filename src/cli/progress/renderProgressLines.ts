import type {LaneProgress, ProgressSnapshot} from '../../run/progress/ProgressSnapshot.js';
import {formatEta} from './formatEta.js';

export interface RenderProgressOptions {
	/** Characters of the bars. @default 30 */
	barWidth?: number;
	/** Documents in flight shown one a line; more are counted on one last line. @default 8 */
	maxLanes?: number;
}

/**
 * The lines that show a run's progress, the same on a terminal and in `precis status`: work done
 * of work planned with calls and the ETA, the documents line, then one line per document in flight.
 */
export function renderProgressLines(snapshot: ProgressSnapshot, options: RenderProgressOptions = {}): string[] {
	const barWidth = options.barWidth ?? 30;
	const maxLanes = options.maxLanes ?? 8;
	const {documents, calls, work} = snapshot;
	const fraction = work.planned > 0 ? work.done / work.planned : 0;
	const about = snapshot.estimated ? '~' : '';
	const finished = documents.inFlight === 0 && documents.waiting === 0;
	const eta = finished ? (snapshot.open ? 'idle, watching for files' : 'done') : `ETA ${formatEta(snapshot.etaSeconds)}`;
	const speed = snapshot.outputTokensPerSecond === null ? '' : `  ${snapshot.outputTokensPerSecond.toFixed(1)} output tok/s`;
	const lines = [
		` work      ${_bar(fraction, barWidth)} ${_percent(fraction).padStart(4)}  calls ${calls.done}/${about}${calls.planned}  ${eta}${speed}`,
		` documents ${documents.done} done, ${documents.failed} failed, ${documents.inFlight} in flight, ${documents.waiting} waiting${documents.skipped > 0 ? `, ${documents.skipped} skipped` : ''} (of ${documents.total})`,
	];
	const nameWidth = Math.min(32, Math.max(0, ...snapshot.lanes.slice(0, maxLanes).map(lane => lane.name.length)));
	for (const lane of snapshot.lanes.slice(0, maxLanes)) lines.push(`   ${_fit(lane.name, nameWidth)}  ${_describeLane(lane, Math.round(barWidth / 2))}`);
	if (snapshot.lanes.length > maxLanes) lines.push(`   … and ${snapshot.lanes.length - maxLanes} more in flight`);
	return lines;
}

function _describeLane(lane: LaneProgress, barWidth: number): string {
	switch (lane.phase) {
		case 'extracting':
		case 'chunking':
			return lane.phase;
		case 'map':
			return `${_bar(lane.done / lane.total, barWidth)} ${lane.done}/${lane.total} chunks`;
		case 'collapse':
			return `${_bar(lane.done / lane.total, barWidth)} collapse level ${lane.level}: ${lane.done}/${lane.total} calls`;
		case 'reduce':
			return `${_bar(lane.done / lane.total, barWidth)} final summary`;
	}
}

function _bar(fraction: number, width: number): string {
	const filled = Math.min(width, Math.max(0, Math.floor(fraction * width)));
	return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function _percent(fraction: number): string {
	return `${Math.floor(Math.min(1, fraction) * 100)}%`;
}

/** Pads a name to `width`, or cuts it with an ellipsis in the middle (the end of a name tells files apart). */
function _fit(name: string, width: number): string {
	if (name.length <= width) return name.padEnd(width);
	const keep = width - 1;
	return `${name.slice(0, Math.ceil(keep / 2))}…${name.slice(name.length - Math.floor(keep / 2))}`;
}
