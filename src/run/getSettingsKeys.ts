import type {ResolvedConfig} from '../config/schema.js';
import type {ExtractionSettings} from '../ingest/ExtractionPool.js';
import {getFailureDecider} from '../errors.js';
import {readPrecisVersion} from '../ingest/readPrecisVersion.js';
import {getFieldsKey} from './extractDocumentFields.js';
import {hashJson} from './hashJson.js';

/** Hashes of the settings that decide a document's outcome, stored with it and compared on a rerun. */
export interface SettingsKeys {
	/** What a document's result depends on: engine, context, chunking and summarization settings, whether it is repaired (verify.repair), and the field set when there is one. */
	summaryKey: string;
	/** The part of `summaryKey` that decides the summary alone (without the field set): a stored summary with it is reused when only the fields changed. */
	summarySettingsKey: string;
	/**
	 * The keys earlier precis releases stored for these same settings: a document done under one of
	 * them is done (an upgrade does not summarize everything again). Before fields rode on the summary
	 * calls, a document with fields was stored under a hash of its summary settings and field set.
	 */
	earlierSummaryKeys: string[];
	/** What a failure while reading depends on: the extraction limits. */
	extractKey: string;
	/** What a failure after reading depends on: the text (extraction limits) and the summary settings. */
	summarizeKey: string;
	/** What a document without text (E_NO_TEXT) depends on besides its bytes: whether and in which languages OCR reads it. */
	noTextKey: string;
	/**
	 * What the extracted text of given bytes depends on: the extraction limits (OCR mode, languages,
	 * resolution and pixel cap included) and precis's version (its readers). A text stored under
	 * another key is extracted again; time and memory limits decide only whether extraction succeeds.
	 */
	textKey: string;
}

const _fieldsSeparator = '+';

/** Whether a stored summary key was made under the summary settings of `keys`, whatever its field set was. */
export function hasSameSummarySettings(storedKey: string, keys: Pick<SettingsKeys, 'summarySettingsKey'>): boolean {
	return storedKey === keys.summarySettingsKey || storedKey.startsWith(`${keys.summarySettingsKey}${_fieldsSeparator}`);
}

/** The failure key of a failure decided by the bytes alone (a broken or empty file): no setting changes it. */
const _bytesOnlyKey = 'bytes';

/** Every key a failure recorded under these settings may carry (see `decideDocument`). */
export function listFailureKeys(keys: SettingsKeys): string[] {
	return [_bytesOnlyKey, keys.extractKey, keys.summarizeKey, keys.noTextKey];
}

/** The key to record a failure with: the settings that decided it, by its code (see `errorCodeRules`) and the stage it happened at. */
export function getFailureKey(code: string, stage: 'extract' | 'summarize', keys: SettingsKeys): string {
	switch (getFailureDecider(code)) {
		case 'bytes': return _bytesOnlyKey;
		// A scan without a text layer fails with OCR off and reads with it on: turning OCR on (or adding a language) retries it.
		case 'ocr': return keys.noTextKey;
		case 'extraction': return keys.extractKey;
		case 'summary': return keys.summarizeKey;
		case 'stage': return stage === 'extract' ? keys.extractKey : keys.summarizeKey;
	}
}

export interface SettingsKeysOptions {
	engineId: string;
	config: Pick<ResolvedConfig, 'chunk' | 'summarize' | 'verify' | 'fields' | 'questions'> & {engine: Pick<ResolvedConfig['engine'], 'contextSize' | 'maxContextSize'>};
	extraction: ExtractionSettings;
}

/**
 * The run's settings keys. They use the engine's configured context, not the one it resolved, so
 * that whether a document is done is known before the engine loads.
 */
export function getSettingsKeys({engineId, config, extraction}: SettingsKeysOptions): SettingsKeys {
	const {contextSize, maxContextSize} = config.engine;
	// A repaired summary differs from the model's first one: turning repair on summarizes again (from cached calls).
	const repair = config.verify.enabled && config.verify.repair ? {repair: true} : {};
	const summarySettings = hashJson({engine: engineId, context: {contextSize, maxContextSize}, chunk: config.chunk, summarize: config.summarize, ...repair});
	// A document is done for its summary settings and its field set: changing either processes it again. The
	// summary settings stay readable in the key, so that a change of the field set alone reuses the stored summary.
	const fieldsKey = getFieldsKey(engineId, config);
	const summaryKey = fieldsKey === undefined ? summarySettings : `${summarySettings}${_fieldsSeparator}${fieldsKey}`;
	const earlierSummaryKeys = fieldsKey === undefined ? [] : [hashJson({summaryKey: summarySettings, fieldsKey})];
	const extractKey = hashJson({extract: extraction});
	const {mode, languages} = extraction.limits.ocr;
	const textKey = hashJson({limits: extraction.limits, precis: readPrecisVersion()});
	return {summaryKey, summarySettingsKey: summarySettings, earlierSummaryKeys, extractKey, summarizeKey: hashJson({extractKey, summaryKey}), noTextKey: hashJson({ocr: {mode, languages}}), textKey};
}
