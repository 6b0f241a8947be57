import test from 'ava';
import fc from 'fast-check';
import {PathFeed} from '../../../src/watch/PathFeed.js';

async function pull(feed: PathFeed): Promise<IteratorResult<string>> {
	return feed[Symbol.asyncIterator]().next();
}

test('hands out queued paths in order, each once however often it was pushed', async t => {
	const feed = new PathFeed();
	for (const path of ['a', 'b', 'a', 'c', 'b']) feed.push(path);
	t.is(feed.queued, 3);
	t.deepEqual([(await pull(feed)).value, (await pull(feed)).value, (await pull(feed)).value], ['a', 'b', 'c']);
	t.is(feed.active, 3);
});

test('pulls made before any push wait, and each gets its own path', async t => {
	const feed = new PathFeed();
	const pulls = [pull(feed), pull(feed), pull(feed)];
	feed.push('x');
	feed.push('y');
	feed.end();
	t.deepEqual(await Promise.all(pulls), [{value: 'x', done: false}, {value: 'y', done: false}, {value: undefined, done: true}]);
	feed.push('z');
	t.deepEqual(await pull(feed), {value: undefined, done: true}, 'an ended feed stays ended');
});

test('a path pushed while it is being worked on comes back only after it is finished', async t => {
	const feed = new PathFeed();
	feed.push('doc');
	t.is((await pull(feed)).value, 'doc');
	feed.push('doc');
	feed.push('other');
	t.is((await pull(feed)).value, 'other', 'not handed out twice at once');
	feed.finish('other');
	const waiting = pull(feed);
	feed.finish('doc');
	t.deepEqual(await waiting, {value: 'doc', done: false}, 'handed out again, as it changed meanwhile');
	feed.finish('doc');
	t.is(feed.queued + feed.active, 0);
});

test('property: a path is never active twice at once, and every push is followed by a hand-out', async t => {
	const operation = fc.oneof(
		fc.record({kind: fc.constant('push' as const), path: fc.constantFrom('a', 'b', 'c', 'd')}),
		fc.record({kind: fc.constant('pull' as const)}),
		fc.record({kind: fc.constant('finish' as const), pick: fc.nat()}),
	);
	await fc.assert(fc.asyncProperty(fc.array(operation, {maxLength: 60}), async operations => {
		const feed = new PathFeed();
		const active: string[] = [];
		/** Paths pushed and not handed out since. */
		const owed = new Set<string>();
		const take = async (): Promise<void> => {
			const result = await pull(feed);
			if (result.done === true) throw new Error('the feed ended by itself');
			if (active.includes(result.value)) throw new Error(`${result.value} handed out twice at once`);
			active.push(result.value);
			owed.delete(result.value);
		};
		for (const step of operations) {
			if (step.kind === 'push') {
				feed.push(step.path);
				owed.add(step.path);
			} else if (step.kind === 'pull') {
				if (feed.queued > 0) await take();
			} else if (active.length > 0) {
				const [path] = active.splice(step.pick % active.length, 1);
				feed.finish(path!);
			}
		}
		// Drain: finish everything and pull until nothing is queued; every push must have been served.
		while (active.length > 0 || feed.queued > 0) {
			for (const path of active.splice(0)) feed.finish(path);
			while (feed.queued > 0) await take();
		}
		return owed.size === 0;
	}));
	t.pass();
});
