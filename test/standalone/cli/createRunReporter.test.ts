import {join} from 'node:path';
import test from 'ava';
import {createRunReporter} from '../../../src/cli/createRunReporter.js';
import type {ProgressSnapshot} from '../../../src/run/progress/ProgressSnapshot.js';
import {openStore} from '../../../src/store/Store.js';
import {createTempDir} from '../../helpers/createTempDir.js';

test('the reporter saves the run\'s progress for precis status when a document finishes', t => {
	using store = openStore(join(createTempDir(t), 'p.db'));
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	const reporter = createRunReporter({format: 'json', interactive: false, store});
	t.teardown(() => reporter.stop());
	reporter.onEvent({type: 'run-started', runId});
	reporter.onEvent({type: 'discovered', total: 2, documents: [{path: 'a.txt', bytes: 10}, {path: 'b.txt', bytes: 20}]});
	reporter.onEvent({type: 'document-started', path: 'a.txt', bytes: 10});
	reporter.onEvent({type: 'document-planned', path: 'a.txt', mapCalls: 0, promptTokens: 40, maxOutputTokens: 16, reduceBudget: 100, collapseBudget: 90, templateTokens: 20, maxDepth: 3});
	reporter.onEvent({type: 'level-added', path: 'a.txt', kind: 'reduce', level: 0, calls: 1});
	t.is(store.getRunProgress(runId), undefined, 'nothing saved before the timer or a finished document');
	reporter.onEvent({type: 'call-done', path: 'a.txt', kind: 'reduce', level: 0, promptTokens: 40, cachedPromptTokens: 0, outputTokens: 16, durationMs: 500, cached: false});
	reporter.onEvent({type: 'document-done', path: 'a.txt', seconds: 1, llmCalls: 1, cacheHits: 0, chunks: 0, collapseLevels: 0, maxPromptTokens: 40, warnings: []});
	const saved = JSON.parse(store.getRunProgress(runId) ?? 'null') as ProgressSnapshot;
	t.like(saved, {documents: {total: 2, done: 1, waiting: 1, inFlight: 0}, calls: {done: 1, planned: 3}, estimated: true, lanes: []});
});

test('a progress save that fails (a database locked past its timeout) does not fail the document or the run', t => {
	let attempts = 0;
	const reporter = createRunReporter({format: 'json', interactive: false, store: {saveRunProgress: () => {
		attempts++;
		throw Object.assign(new Error('database is locked'), {code: 'SQLITE_BUSY'});
	}}});
	t.teardown(() => reporter.stop());
	reporter.onEvent({type: 'run-started', runId: 1});
	t.notThrows(() => reporter.onEvent({type: 'document-failed', path: 'a.txt', code: 'E_NO_TEXT', message: 'no text', retryable: false}));
	t.is(attempts, 1);
});
