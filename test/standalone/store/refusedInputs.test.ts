import test from 'ava';
import {openStore} from '../../../src/store/Store.js';
import {createTempDatabasePath} from './createTempDatabasePath.js';

test('refused inputs are kept once per path, with the latest reason, and counted by reason', t => {
	using store = openStore(createTempDatabasePath(t));
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	t.deepEqual(store.getRefusedInputs(), {byReason: {}, latest: []});
	store.recordRefusedInput('/in/a.txt', {reason: 'outside-inputs', message: 'a leads outside', runId});
	store.recordRefusedInput('/in/b.txt', {reason: 'outside-inputs', message: 'b leads outside', runId});
	store.recordRefusedInput('/in/pipe', {reason: 'special-file', message: 'pipe is a FIFO', runId});
	store.recordRefusedInput('/in/a.txt', {reason: 'broken-link', message: 'a leads nowhere', runId});
	const refused = store.getRefusedInputs(2);
	t.deepEqual(refused.byReason, {'broken-link': 1, 'outside-inputs': 1, 'special-file': 1});
	t.is(refused.latest.length, 2);
	t.like(refused.latest[0], {path: '/in/a.txt', reason: 'broken-link', message: 'a leads nowhere', runId});
});
