import test from 'ava';
import {decideDocument, type DocumentCircumstances} from '../../../src/run/decideDocument.js';
import {getFailureKey, listFailureKeys, type SettingsKeys} from '../../../src/run/getSettingsKeys.js';
import type {DocumentRow} from '../../../src/store/types.js';

const before: SettingsKeys = {summaryKey: 'summary-1', summarySettingsKey: 'summary-1', earlierSummaryKeys: ['summary-0'], extractKey: 'extract-1', summarizeKey: 'summarize-1', noTextKey: 'ocr-off', textKey: 'text-1'};
const raisedLimit: SettingsKeys = {...before, extractKey: 'extract-2', summarizeKey: 'summarize-2'};

function row(overrides: Partial<DocumentRow>): DocumentRow {
	return {
		path: '/in/a.pdf', sha256: 'sha', bytes: 1, format: 'pdf', pages: 1, title: null, status: 'failed', errorCode: null, errorMessage: null,
		retryable: false, summary: null, keyPoints: null, model: null, pipeline: null, summaryKey: null, promptTokens: null, outputTokens: null,
		llmCalls: null, seconds: null, runId: 1, updatedAt: '', claimedBy: null, claimedAt: null, heartbeatAt: null, claimToken: null, failureKey: null,
		warnings: null, summaryWarnings: null, ...overrides,
	};
}

function now(keys: SettingsKeys, overrides: Partial<DocumentCircumstances> = {}): DocumentCircumstances {
	return {sha256: 'sha', summaryKey: keys.summaryKey, earlierSummaryKeys: keys.earlierSummaryKeys, failureKeys: listFailureKeys(keys), force: false, retryFailed: false, ...overrides};
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
