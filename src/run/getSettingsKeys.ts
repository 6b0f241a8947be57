import type {ResolvedConfig} from '../config/schema.js';
import type {ExtractionSettings} from '../ingest/ExtractionPool.js';
import type {OcrDependence} from '../ingest/SourceDocument.js';
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
	/**
	 * The OCR key a document is stored with when OCR read its text (or part of it), would have read
	 * part of it had it not been off, or read it under `always`: a hash of the OCR settings that
	 * change what OCR reads (the mode; with OCR on, the languages, the resolution and the pixel cap).
	 * See {@link getDocumentOcrKey}.
	 */
	ocrKey: string;
	/**
	 * The stored OCR keys whose text these settings would read again unchanged: the text-layer key
	 * and `ocrKey`, or `ocrKey` alone under `always` (which reads text layers by OCR too). A done
	 * document stored under another key (not NULL) is read and summarized again (see `decideDocument`).
	 */
	currentOcrKeys: string[];
}

const _fieldsSeparator = '+';

/** Whether a stored summary key was made under the summary settings of `keys`, whatever its field set was. */
export function hasSameSummarySettings(storedKey: string, keys: Pick<SettingsKeys, 'summarySettingsKey'>): boolean {
	return storedKey === keys.summarySettingsKey || storedKey.startsWith(`${keys.summarySettingsKey}${_fieldsSeparator}`);
}

/** The OCR key of a PDF read from its text layer alone, with no page that OCR would read under `auto`: OCR settings other than `always` read it alike. */
const _textLayerKey = 'text-layer';

/**
 * The OCR key to store with a done document read under `keys`: NULL (no key) for a format OCR
 * never reads, the text-layer key for a PDF read from its text layer alone, `keys.ocrKey` for one
 * whose text OCR read or would read, or that was read under `always`, and for an image file.
 */
export function getDocumentOcrKey(ocrDependence: OcrDependence | undefined, keys: Pick<SettingsKeys, 'ocrKey'>): string | null {
	if (ocrDependence === undefined) return null;
	return ocrDependence === 'text-layer' ? _textLayerKey : keys.ocrKey;
}

/**
 * Whether a text stored with OCR key `stored` is what the run's OCR settings would read: always for
 * NULL (a format OCR never reads, or a document stored before precis kept the key, so that an upgrade
 * does not read everything again).
 */
export function isOcrKeyCurrent(stored: string | null, currentOcrKeys: readonly string[]): boolean {
	return stored === null || currentOcrKeys.includes(stored);
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
	const ocrKey = _getOcrKey(extraction.limits.ocr);
	const currentOcrKeys = mode === 'always' ? [ocrKey] : [_textLayerKey, ocrKey];
	return {
		summaryKey, summarySettingsKey: summarySettings, earlierSummaryKeys, extractKey, summarizeKey: hashJson({extractKey, summaryKey}),
		noTextKey: hashJson({ocr: {mode, languages}}), textKey, ocrKey, currentOcrKeys,
	};
}

/** Hash of the OCR settings that change what OCR reads: with OCR off, none but the mode. */
function _getOcrKey({mode, languages, dpi, maxPixels}: ExtractionSettings['limits']['ocr']): string {
	return hashJson({ocr: mode === 'off' ? {mode} : {mode, languages, dpi, maxPixels}});
}
