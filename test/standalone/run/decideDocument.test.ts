import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import type {OcrDependence, OcrOptions} from '../../../src/ingest/SourceDocument.js';
import {decideDocument, type DocumentCircumstances} from '../../../src/run/decideDocument.js';
import {getDocumentOcrKey, getFailureKey, getSettingsKeys, listFailureKeys, type SettingsKeys} from '../../../src/run/getSettingsKeys.js';
import type {DocumentRow} from '../../../src/store/types.js';

const before: SettingsKeys = {
	summaryKey: 'summary-1', summarySettingsKey: 'summary-1', earlierSummaryKeys: ['summary-0'], extractKey: 'extract-1', summarizeKey: 'summarize-1', noTextKey: 'ocr-off', textKey: 'text-1',
	ocrKey: 'ocr-1', currentOcrKeys: ['text-layer', 'ocr-1'],
};
const raisedLimit: SettingsKeys = {...before, extractKey: 'extract-2', summarizeKey: 'summarize-2'};

function row(overrides: Partial<DocumentRow>): DocumentRow {
	return {
		path: '/in/a.pdf', sha256: 'sha', bytes: 1, format: 'pdf', pages: 1, title: null, status: 'failed', errorCode: null, errorMessage: null,
		retryable: false, summary: null, keyPoints: null, model: null, pipeline: null, summaryKey: null, promptTokens: null, outputTokens: null,
		llmCalls: null, seconds: null, runId: 1, updatedAt: '', claimedBy: null, claimedAt: null, heartbeatAt: null, claimToken: null, failureKey: null,
		warnings: null, summaryWarnings: null, ocrKey: null, ...overrides,
	};
}

function now(keys: SettingsKeys, overrides: Partial<DocumentCircumstances> = {}): DocumentCircumstances {
	return {
		sha256: 'sha', summaryKey: keys.summaryKey, earlierSummaryKeys: keys.earlierSummaryKeys, currentOcrKeys: keys.currentOcrKeys, failureKeys: listFailureKeys(keys),
		force: false, retryFailed: false, ...overrides,
	};
}

const failed = (code: string, stage: 'extract' | 'summarize', retryable = false): DocumentRow =>
	row({errorCode: code, retryable, failureKey: getFailureKey(code, stage, before)});

test('a permanent failure is retried once the settings that decided it change, and only then', t => {
	t.is(decideDocument(failed('E_TOO_LARGE', 'extract'), now(before)), 'skip-failed');
	t.is(decideDocument(failed('E_TOO_LARGE', 'extract'), now(raisedLimit)), 'process');
	t.is(decideDocument(failed('E_PROMPT_TOO_LONG', 'summarize'), now(before)), 'skip-failed');
	t.is(decideDocument(failed('E_PROMPT_TOO_LONG', 'summarize'), now({...before, summaryKey: 'summary-2', summarizeKey: 'summarize-3'})), 'process');
});

test('a failure of the bytes alone stays skipped whatever the settings, until the bytes change', t => {
	for (const code of ['E_NO_TEXT', 'E_UNSUPPORTED_FORMAT', 'E_PARSE_FAILED', 'E_ENCRYPTED']) {
		t.is(decideDocument(failed(code, 'extract'), now(raisedLimit)), 'skip-failed', code);
		t.is(decideDocument(failed(code, 'extract'), now(raisedLimit, {sha256: 'other'})), 'process', code);
	}
});

test('a transient failure is always retried; --retry-failed retries any; --force redoes everything', t => {
	t.is(decideDocument(failed('E_ENGINE_UNAVAILABLE', 'summarize', true), now(before)), 'process');
	t.is(decideDocument(failed('E_NO_TEXT', 'extract'), now(before, {retryFailed: true})), 'process');
	const done = row({status: 'done', summaryKey: before.summaryKey, retryable: null});
	t.is(decideDocument(done, now(before)), 'skip-done');
	t.is(decideDocument(done, now(before, {retryFailed: true})), 'skip-done', '--retry-failed leaves done documents alone');
	t.is(decideDocument(done, now(before, {force: true})), 'process');
	t.is(decideDocument(row({status: 'done', summaryKey: 'summary-0', retryable: null}), now(before)), 'skip-done', 'done under the key an earlier release stored for these settings');
	t.is(decideDocument(row({status: 'done', summaryKey: 'summary-0', retryable: null}), now({...before, earlierSummaryKeys: []})), 'process');
	t.is(decideDocument(row({status: 'pending', retryable: null}), now(before)), 'process');
	t.is(decideDocument(undefined, now(before)), 'process');
});

test('a failure recorded before failures kept their settings stays skipped until the bytes change', t => {
	t.is(decideDocument(row({errorCode: 'E_TOO_LARGE', failureKey: null}), now(raisedLimit)), 'skip-failed');
});

test('a document without text is retried when OCR is turned on or gains a language, not when other limits change', t => {
	t.is(decideDocument(failed('E_NO_TEXT', 'extract'), now(raisedLimit)), 'skip-failed');
	t.is(decideDocument(failed('E_NO_TEXT', 'extract'), now({...before, noTextKey: 'ocr-auto-eng'})), 'process');
});

/** The run's keys under these OCR settings (the real derivation, default settings otherwise). */
function underOcr(ocr: Partial<OcrOptions>): SettingsKeys {
	const limits = {...DEFAULT_CONFIG.extract, ocr: {...DEFAULT_CONFIG.extract.ocr, ...ocr}};
	return getSettingsKeys({engineId: 'engine', config: DEFAULT_CONFIG, extraction: {limits, timeoutSeconds: 60, maxMemoryMb: 1024}});
}

/** A document done under `keys`, whose text depended on OCR as `dependence` says (undefined: a DOCX or text file). */
function doneUnder(keys: SettingsKeys, dependence: OcrDependence | undefined): DocumentRow {
	return row({status: 'done', retryable: null, summaryKey: keys.summaryKey, ocrKey: getDocumentOcrKey(dependence, keys)});
}

const off = underOcr({mode: 'off'});
const auto = underOcr({mode: 'auto'});
const always = underOcr({mode: 'always'});

test('a document whose text OCR read, or would have read with OCR off, is done again when the OCR settings that read it change', t => {
	t.is(decideDocument(doneUnder(off, 'ocr'), now(off)), 'skip-done');
	t.is(decideDocument(doneUnder(off, 'ocr'), now(auto)), 'process', 'OCR turned on reads the page it left unread');
	t.is(decideDocument(doneUnder(auto, 'ocr'), now(auto)), 'skip-done');
	t.is(decideDocument(doneUnder(auto, 'ocr'), now(always)), 'process', 'always reads the text layers too');
	t.is(decideDocument(doneUnder(auto, 'ocr'), now(underOcr({languages: ['eng', 'fra']}))), 'process', 'a new language');
	t.is(decideDocument(doneUnder(auto, 'ocr'), now(underOcr({dpi: 400}))), 'process', 'another resolution');
	t.is(decideDocument(doneUnder(auto, 'ocr'), now(underOcr({maxPixels: 1_000_000}))), 'process', 'another pixel cap');
	t.is(decideDocument(doneUnder(auto, 'ocr'), now(off)), 'process', 'OCR turned off would leave its scanned pages unread');
	t.is(decideDocument(doneUnder(off, 'ocr'), now(underOcr({mode: 'off', dpi: 400}))), 'skip-done', 'with OCR off, its other settings read nothing');
});

test('a PDF read from its text layer alone is done again only under always; a document OCR never reads, never', t => {
	for (const [from, to] of [[off, auto], [auto, off], [off, underOcr({languages: ['eng', 'fra'], dpi: 600})]] as const) {
		t.is(decideDocument(doneUnder(from, 'text-layer'), now(to)), 'skip-done');
	}
	t.is(decideDocument(doneUnder(off, 'text-layer'), now(always)), 'process');
	t.is(decideDocument(doneUnder(always, 'ocr'), now(always)), 'skip-done');
	t.is(decideDocument(doneUnder(always, 'ocr'), now(auto)), 'process', 'a text PDF read by OCR under always is read from its text layer again');
	for (const keys of [auto, always, underOcr({languages: ['fra']})]) t.is(decideDocument(doneUnder(off, undefined), now(keys)), 'skip-done', 'DOCX and text');
});

test('a summary stored before precis kept its OCR key (NULL) is not done again for OCR settings alone; other changes still count', t => {
	const earlier = row({status: 'done', retryable: null, summaryKey: off.summaryKey, ocrKey: null});
	for (const keys of [off, auto, always]) t.is(decideDocument(earlier, now(keys)), 'skip-done');
	t.is(decideDocument(earlier, now(always, {sha256: 'other'})), 'process');
	t.is(decideDocument(earlier, now({...always, summaryKey: 'other'})), 'process');
	t.is(decideDocument(row({status: 'done', retryable: null, summaryKey: 'summary-0', ocrKey: 'text-layer'}), now(before)), 'skip-done', 'an earlier summary key still counts with an OCR key');
	t.is(decideDocument(row({status: 'done', retryable: null, summaryKey: 'summary-0', ocrKey: 'other-ocr'}), now(before)), 'process');
});
