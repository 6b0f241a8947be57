import {resolve} from 'node:path';
import type {RefusedInput} from '../ingest/discoverFiles.js';
import type {Store} from '../store/Store.js';
import type {RunTally} from './RunTally.js';

/** A path in the input folders not read at all: counted as skipped, reported and recorded, its target never touched. */
export function recordRefusedInput(run: {store: Store; tally: RunTally; runId: number}, refused: RefusedInput): void {
	run.store.recordRefusedInput(resolve(refused.path), {reason: refused.reason, message: refused.message, runId: run.runId});
	run.tally.result.documents.skipped++;
	run.tally.emit({type: 'document-skipped', ...refused});
}
