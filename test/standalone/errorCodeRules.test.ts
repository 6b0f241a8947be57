import test from 'ava';
import {errorCodeRules, errorCodes, getFailureDecider, PipelineError} from '../../src/errors.js';
import {getFailureKey, type SettingsKeys} from '../../src/run/getSettingsKeys.js';

test('every error code has exactly one rule, and every rule is of a declared code', t => {
	t.deepEqual(Object.keys(errorCodeRules).sort(), [...errorCodes].sort());
	t.true(errorCodes.every(code => ['bytes', 'ocr', 'extraction', 'summary', 'stage'].includes(errorCodeRules[code].decidedBy)), 'each says what decides it');
});

test('a code\'s rule decides the key its failure is recorded with, and whether it is permanent by default', t => {
	const keys: SettingsKeys = {summaryKey: 's', summarySettingsKey: 's', earlierSummaryKeys: [], extractKey: 'extract', summarizeKey: 'summarize', noTextKey: 'ocr', textKey: 'text', ocrKey: 'ocr-settings', currentOcrKeys: ['text-layer', 'ocr-settings']};
	t.is(getFailureKey('E_ENCRYPTED', 'extract', keys), 'bytes');
	t.is(getFailureKey('E_NO_TEXT', 'extract', keys), 'ocr');
	t.is(getFailureKey('E_TOO_LARGE', 'extract', keys), 'extract');
	t.is(getFailureKey('E_PROMPT_TOO_LONG', 'summarize', keys), 'summarize');
	t.is(getFailureKey('E_GENERATION_FAILED', 'extract', keys), 'extract');
	t.is(getFailureKey('E_GENERATION_FAILED', 'summarize', keys), 'summarize');
	t.is(getFailureDecider('E_FROM_A_NEWER_PRECIS'), 'stage', 'a code read back that this precis does not know');
	for (const code of errorCodes) t.is(new PipelineError(code, 'x').retryable, !errorCodeRules[code].permanent, code);
});
