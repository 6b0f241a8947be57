import type PQueue from 'p-queue';
import type {ResolvedConfig} from '../config/schema.js';
import type {Engine} from '../engine/Engine.js';
import type {InputGuard} from '../ingest/createInputGuard.js';
import type {ExtractionPool} from '../ingest/ExtractionPool.js';
import type {Store} from '../store/Store.js';
import type {SettingsKeys} from './getSettingsKeys.js';
import type {LeaseKeeper} from './LeaseKeeper.js';
import type {RunStop} from './RunStop.js';
import type {RunTally} from './RunTally.js';

/** What working on one document needs of its run; built once per run by `runBatch`. */
export interface DocumentWork {
	store: Store;
	pool: ExtractionPool;
	/** Checks each path again just before it is read (links, special files; see createInputGuard). */
	guard: InputGuard;
	leases: LeaseKeeper;
	tally: RunTally;
	stop: RunStop;
	/** The model calls of every document, ordered by document. */
	queue: PQueue;
	config: Pick<ResolvedConfig, 'name' | 'chunk' | 'summarize' | 'verify' | 'fields' | 'questions'> & {engine: Pick<ResolvedConfig['engine'], 'contextSize' | 'maxContextSize'>};
	keys: SettingsKeys;
	engineId: string;
	runId: number;
	/** Work on every document, ignoring (and replacing) cached calls and stored texts. */
	force: boolean;
	/** Work on every failed document, keeping cached calls. */
	retryFailed: boolean;
	/** The engine, loaded when the first document needs it. */
	loadEngine: () => Promise<Engine>;
}
