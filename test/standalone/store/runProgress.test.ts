import test from 'ava';
import {openStore} from '../../../src/store/Store.js';
import {createTempDatabasePath} from './createTempDatabasePath.js';

test('a run\'s progress snapshot is saved, replaced, and read back by another connection', t => {
	const file = createTempDatabasePath(t);
	using writer = openStore(file);
	const runId = writer.startRun({pipeline: 'p', configHash: 'c'});
	using reader = openStore(file);
	t.is(reader.getRunProgress(runId), undefined);
	writer.saveRunProgress(runId, '{"calls":{"done":1}}');
	writer.saveRunProgress(runId, '{"calls":{"done":2}}');
	t.is(reader.getRunProgress(runId), '{"calls":{"done":2}}');
	t.is(reader.getRunProgress(runId + 1), undefined);
});

test('a progress snapshot must be JSON', t => {
	using store = openStore(createTempDatabasePath(t));
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	t.throws(() => store.saveRunProgress(runId, 'not json'), {any: true, code: 'SQLITE_CONSTRAINT_CHECK'});
});
