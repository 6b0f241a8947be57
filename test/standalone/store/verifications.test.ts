import test, {type ExecutionContext} from 'ava';
import {openStore, type Store} from '../../../src/store/Store.js';
import {createTempDatabasePath} from './createTempDatabasePath.js';

const _result = {summaryKey: 'k', keyPoints: null, model: 'm', pipeline: 'p', promptTokens: 1, outputTokens: 1, llmCalls: 1, seconds: 0.1};
const _check = {verifyKey: 'v1', needsReview: true, repair: null, citations: [{text: 'A.', pages: [2], support: 0.1}], unsupportedFacts: [{text: '7', kind: 'number' as const, statement: 'A.'}]};

/** A store with one done document, a.pdf, whose summary "A." was checked and needs review. */
function _storeWithCheckedDocument(t: ExecutionContext): {store: Store; runId: number} {
	const store = openStore(createTempDatabasePath(t));
	t.teardown(() => store.close());
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	store.markRunning('a.pdf', {sha256: 's', bytes: 1, format: 'pdf', pages: 2, title: null, runId});
	store.markDone('a.pdf', 's', {..._result, summary: 'A.', runId});
	store.putVerification('a.pdf', 's', 'A.', _check);
	return {store, runId};
}

test('a check counts only for the summary it checked: a new summary makes it stale', t => {
	const {store, runId} = _storeWithCheckedDocument(t);
	t.like(store.getVerification('a.pdf'), {verifyKey: 'v1', needsReview: true, unsupportedFacts: [{text: '7'}]});
	t.is(store.countNeedsReview(), 1);
	t.is(store.countNeedsReview(runId), 1);
	t.is(store.countNeedsReview(runId + 1), 0);
	t.like(store.listDocuments()[0], {needs_review: true, citations: [{pages: [2]}]});

	store.markDone('a.pdf', 's', {..._result, summary: 'Another summary.', runId});
	t.is(store.getVerification('a.pdf'), undefined);
	t.is(store.countNeedsReview(), 0);
	t.like(store.listDocuments()[0], {needs_review: null, citations: null, unsupported_facts: null});
});

test('a failure after a check is not counted as needing review', t => {
	const {store, runId} = _storeWithCheckedDocument(t);
	store.markFailed('a.pdf', {sha256: 's', code: 'E_PARSE_FAILED', message: 'm', retryable: false, runId});
	t.is(store.countNeedsReview(), 0);
});
