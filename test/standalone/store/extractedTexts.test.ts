import test from 'ava';
import {openStore, type Store} from '../../../src/store/Store.js';
import {createTempDatabasePath} from './createTempDatabasePath.js';

const _meta = (sha256: string, runId: number) => ({sha256, bytes: 1, format: 'text' as const, pages: 1, title: null, runId});

function _open(t: Parameters<typeof createTempDatabasePath>[0]): {store: Store; runId: number} {
	const store = openStore(createTempDatabasePath(t));
	t.teardown(() => store.close());
	return {store, runId: store.startRun({pipeline: 'p', configHash: 'c'})};
}

test('a text is found only under the settings it was stored with, and new settings replace it', t => {
	const {store, runId} = _open(t);
	store.markRunning('a.txt', _meta('s1', runId));
	store.putExtractedText('s1', 'ocr-auto', Buffer.from('first'));
	t.deepEqual(store.getExtractedText('s1', 'ocr-auto'), Buffer.from('first'));
	t.is(store.getExtractedText('s1', 'ocr-off'), undefined);
	t.is(store.getExtractedText('s2', 'ocr-auto'), undefined);
	store.putExtractedText('s1', 'ocr-off', Buffer.from('second'));
	t.deepEqual(store.getExtractedText('s1', 'ocr-off'), Buffer.from('second'));
	t.is(store.getExtractedText('s1', 'ocr-auto'), undefined, 'one text per content');
});

test('a text goes once no document row holds its bytes any more, and not before', t => {
	const {store, runId} = _open(t);
	store.markRunning('a.txt', _meta('shared', runId));
	store.markRunning('copy-of-a.txt', _meta('shared', runId));
	store.putExtractedText('shared', 'k', Buffer.from('text'));

	store.markRunning('a.txt', _meta('changed', runId));
	t.truthy(store.getExtractedText('shared', 'k'), 'the copy still holds these bytes');
	store.markFailed('copy-of-a.txt', {sha256: null, code: 'E_FILE_UNREADABLE', message: 'gone', retryable: true, failureKey: 'bytes', runId});
	t.is(store.getExtractedText('shared', 'k'), undefined, 'no row holds them: the text is removed');

	store.putExtractedText('changed', 'k', Buffer.from('new'));
	store.markDone('a.txt', 'changed', {summary: 'S.', keyPoints: null, model: 'm', pipeline: 'p', summaryKey: 'k', promptTokens: 1, outputTokens: 1, llmCalls: 1, seconds: 1, runId});
	t.truthy(store.getExtractedText('changed', 'k'), 'writes that keep the bytes keep the text');
});
