import type {ResolvedConfig} from '../config/schema.js';
import type {ExtractionSettings} from '../ingest/ExtractionPool.js';
import {hashJson} from './hashJson.js';

/** Hashes of the settings that decide a document's outcome, stored with it and compared on a rerun. */
export interface SettingsKeys {
	/** What a summary depends on: engine, context, chunking and summarization settings. */
	summaryKey: string;
	/** What a failure while reading depends on: the extraction limits. */
	extractKey: string;
	/** What a failure after reading depends on: the text (extraction limits) and the summary settings. */
	summarizeKey: string;
}

export interface SettingsKeysOptions {
	engineId: string;
	config: Pick<ResolvedConfig, 'chunk' | 'summarize'> & {engine: Pick<ResolvedConfig['engine'], 'contextSize' | 'maxContextSize'>};
	extraction: ExtractionSettings;
}

/**
 * The run's settings keys. They use the engine's configured context, not the one it resolved, so
 * that whether a document is done is known before the engine loads.
 */
export function getSettingsKeys({engineId, config, extraction}: SettingsKeysOptions): SettingsKeys {
	const {contextSize, maxContextSize} = config.engine;
	const summaryKey = hashJson({engine: engineId, context: {contextSize, maxContextSize}, chunk: config.chunk, summarize: config.summarize});
	const extractKey = hashJson({extract: extraction});
	return {summaryKey, extractKey, summarizeKey: hashJson({extractKey, summaryKey})};
}
