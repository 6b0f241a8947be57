import {join} from 'node:path';
import type {ExecutionContext} from 'ava';
import {DEFAULT_CONFIG} from '../../src/config/defaults.js';
import type {ResolvedConfig} from '../../src/config/schema.js';
import {LazyEngine} from '../../src/engine/LazyEngine.js';
import {ExtractionPool} from '../../src/ingest/ExtractionPool.js';
import type {ExtractLimits} from '../../src/ingest/SourceDocument.js';
import {runBatch, type RunBatchOptions, type RunResult} from '../../src/run/runBatch.js';
import {openStore, type Store, type StoreOptions} from '../../src/store/Store.js';
import type {ScriptedEngine} from './ScriptedEngine.js';

export interface ScriptedBatchOptions extends Partial<Omit<RunBatchOptions, 'config' | 'engine' | 'store' | 'pool'>> {
	engine: ScriptedEngine;
	/** The database file; one per test. */
	db: string;
	summarize?: Partial<ResolvedConfig['summarize']>;
	extract?: Partial<ExtractLimits>;
	/** The pipeline's fields, questions and checker settings. @default DEFAULT_CONFIG's (none, and the checker on) */
	config?: Partial<Pick<ResolvedConfig, 'fields' | 'questions' | 'verify'>>;
	store?: StoreOptions;
}

/** A real extraction pool that counts the documents it is asked to extract. */
class _CountingPool extends ExtractionPool {
	requests = 0;

	override async extract(...args: Parameters<ExtractionPool['extract']>): ReturnType<ExtractionPool['extract']> {
		this.requests++;
		return super.extract(...args);
	}
}

/**
 * A real run (real store, real extraction processes) whose model is a {@link ScriptedEngine};
 * `extractRequests` counts the documents the run asked its extraction processes for.
 */
export async function runScriptedBatch(t: ExecutionContext, options: ScriptedBatchOptions): Promise<{result: RunResult; store: Store; extractRequests: number}> {
	const {engine, db, summarize, extract, config: pipeline, store: storeOptions, ...run} = options;
	const config = {
		...DEFAULT_CONFIG,
		...pipeline,
		summarize: {...DEFAULT_CONFIG.summarize, maxOutputTokens: 16, ...summarize},
	};
	const store = openStore(db, storeOptions);
	t.teardown(() => store.close());
	const pool = new _CountingPool({limits: {...DEFAULT_CONFIG.extract, ...extract}, timeoutSeconds: 60, maxMemoryMb: 1024, workers: 1});
	try {
		const result = await runBatch({inputs: [], ...run, config, engine: LazyEngine.of(engine), store, pool});
		return {result, store, extractRequests: pool.requests};
	} finally {
		await pool.close();
	}
}

/** `folder/name` for each name. */
export function pathsIn(folder: string, names: readonly string[]): string[] {
	return names.map(name => join(folder, name));
}
