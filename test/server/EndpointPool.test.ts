import test from 'ava';
import {setTimeout as sleep} from 'node:timers/promises';
import {EndpointPool} from '../../src/engine/openai/EndpointPool.js';

function createPool(concurrencies: number[], options: {threshold?: number; cooldownMs?: number} = {}): {pool: EndpointPool; lines: string[]} {
	const lines: string[] = [];
	const pool = new EndpointPool(concurrencies.map((concurrency, index) => ({url: `http://server-${index}/v1`, concurrency})), {
		threshold: options.threshold ?? 2, cooldownMs: options.cooldownMs ?? 60_000, log: line => lines.push(line),
	});
	return {pool, lines};
}

test('calls go to the server with the fewest calls in flight, and capacity is the sum of concurrencies', async t => {
	const {pool} = createPool([2, 2]);
	t.is(pool.capacity, 4);
	const first = await pool.acquire();
	const second = await pool.acquire();
	t.not(first.url, second.url);
	pool.release(first, 'success');
	const third = await pool.acquire();
	t.is(third.url, first.url, 'the server with no call in flight gets the next one');
	t.deepEqual(pool.endpoints.map(endpoint => endpoint.inFlight).toSorted(), [1, 1]);
	await pool.acquire();
	t.deepEqual(pool.endpoints.map(endpoint => endpoint.inFlight).toSorted(), [1, 2], 'the third call went to the less busy server');
	await pool.acquire();
	t.deepEqual(pool.endpoints.map(endpoint => endpoint.inFlight), [2, 2]);
});

test('a call waits while every server is full and gets the first slot given back', async t => {
	const {pool} = createPool([1]);
	const held = await pool.acquire();
	let got = false;
	const waiting = pool.acquire().then(endpoint => {
		got = true;
		return endpoint;
	});
	await sleep(20);
	t.false(got);
	pool.release(held, 'success');
	t.is((await waiting).url, held.url);
});

test('an aborted wait rejects with the reason and leaves the queue', async t => {
	const {pool} = createPool([1]);
	const held = await pool.acquire();
	const controller = new AbortController();
	const waiting = pool.acquire(controller.signal);
	controller.abort(new Error('shutdown'));
	await t.throwsAsync(waiting, {message: 'shutdown'});
	pool.release(held, 'success');
	t.is(held.inFlight, 0);
	t.is((await pool.acquire()).inFlight, 1, 'the aborted waiter took no slot');
});

test('a server failing `threshold` times in a row leaves the rotation, then one trial call brings it back', async t => {
	const {pool, lines} = createPool([1, 1], {threshold: 2, cooldownMs: 80});
	const [bad, good] = pool.endpoints;
	if (bad === undefined || good === undefined) throw new Error('two endpoints expected');
	for (let index = 0; index < 2; index++) {
		bad.inFlight++;
		pool.release(bad, 'failure', 'ECONNREFUSED');
	}
	t.true(lines.some(line => line.includes(`${bad.url} is out of rotation`) && line.includes('ECONNREFUSED')), lines.join('\n'));
	for (let index = 0; index < 3; index++) {
		const endpoint = await pool.acquire();
		t.is(endpoint.url, good.url, 'calls avoid the server out of rotation');
		pool.release(endpoint, 'success');
	}
	await sleep(100);
	const acquired = [await pool.acquire(), await pool.acquire()];
	const trial = acquired.find(endpoint => endpoint.url === bad.url);
	t.truthy(trial, 'after the cooldown the server gets a trial call');
	t.true(bad.trial);
	for (const endpoint of acquired) pool.release(endpoint, 'success');
	t.true(lines.some(line => line === `${bad.url} is back in rotation`));
	t.like(bad, {failures: 0, openUntil: 0, trial: false});
});

test('a failed trial call takes the server out again at once', async t => {
	const {pool} = createPool([1, 1], {threshold: 3, cooldownMs: 30});
	const [bad] = pool.endpoints;
	if (bad === undefined) throw new Error('an endpoint expected');
	for (let index = 0; index < 3; index++) {
		bad.inFlight++;
		pool.release(bad, 'failure');
	}
	await sleep(40);
	const acquired = [await pool.acquire(), await pool.acquire()];
	t.true(bad.trial, 'the server gets a trial call');
	for (const endpoint of acquired) pool.release(endpoint, endpoint === bad ? 'failure' : 'success');
	t.true(bad.openUntil > Date.now(), 'one failed trial is enough');
});

test('when no server is in rotation, a call goes to the one that comes back first instead of waiting', async t => {
	const {pool} = createPool([1, 1], {threshold: 1, cooldownMs: 60_000});
	const [first, second] = pool.endpoints;
	if (first === undefined || second === undefined) throw new Error('two endpoints expected');
	second.inFlight++;
	pool.release(second, 'failure');
	await sleep(5);
	first.inFlight++;
	pool.release(first, 'failure');
	const endpoint = await pool.acquire();
	t.is(endpoint.url, second.url);
	pool.dispose();
});
