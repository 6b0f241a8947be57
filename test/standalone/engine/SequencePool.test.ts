import test from 'ava';
import {SequencePool} from '../../../src/engine/SequencePool.js';

test('callers beyond the pool size wait for a free item, and items are returned after errors', async t => {
	const pool = new SequencePool(['a', 'b']);
	let active = 0;
	let peak = 0;
	const used: string[] = [];
	const _task = (fail: boolean) => async (item: string): Promise<string> => {
		active++;
		peak = Math.max(peak, active);
		used.push(item);
		await new Promise(resolve => setTimeout(resolve, 10));
		active--;
		if (fail) throw new Error('boom');
		return item;
	};
	const results = await Promise.allSettled([false, true, false, false, false].map(fail => pool.use(_task(fail))));
	t.is(peak, 2);
	t.is(results.filter(result => result.status === 'rejected').length, 1);
	t.deepEqual(new Set(used), new Set(['a', 'b']));
	t.is(await pool.use(async item => item, item => (item === 'a' ? 1 : 0)), 'a', 'both items came back');
});

test('the free item the rank scores highest is taken', async t => {
	const pool = new SequencePool([{id: 1, prefix: 3}, {id: 2, prefix: 9}, {id: 3, prefix: 5}]);
	t.is(await pool.use(async item => item.id, item => item.prefix), 2);
});
