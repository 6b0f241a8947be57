import {once} from 'node:events';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import test, {type ExecutionContext} from 'ava';
import {getRetryDelayMs, parseRetryAfter} from '../../../src/engine/openai/getRetryDelayMs.js';
import {RequestFailure} from '../../../src/engine/openai/RequestFailure.js';
import {requestJson} from '../../../src/engine/openai/requestJson.js';

/** A real HTTP server that answers every request with `status` and `headers`. */
async function startServer(t: ExecutionContext, status: number, headers: Record<string, string>): Promise<string> {
	const server = createServer((_request, response) => {
		response.writeHead(status, {'content-type': 'application/json', ...headers});
		response.end(JSON.stringify({error: {message: 'busy, come back later', type: 'unavailable_error'}}));
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	t.teardown(() => server.close());
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

for (const status of [429, 503]) {
	test(`a ${status} is transient and carries its Retry-After (fails before: no Retry-After read)`, async t => {
		const url = await startServer(t, status, {'retry-after': '7'});
		const failure = await t.throwsAsync(requestJson(`${url}/completions`, {body: {}, timeoutMs: 5000}), {instanceOf: RequestFailure});
		t.true(failure?.transient);
		t.is(failure?.retryAfterMs, 7000);
		t.regex(failure?.message ?? '', new RegExp(`answered ${status}: busy, come back later \\(retry after 7 s\\)`));
	});
}

test('the wait before a retry is the backoff, or the server\'s Retry-After when longer (up to a cap)', t => {
	const random = () => 1;
	t.is(getRetryDelayMs({attempt: 1, baseMs: 500, maxMs: 60_000, random}), 500);
	t.is(getRetryDelayMs({attempt: 3, baseMs: 500, maxMs: 60_000, random}), 2000);
	t.is(getRetryDelayMs({attempt: 1, baseMs: 500, retryAfterMs: 7000, maxMs: 60_000, random}), 7000);
	t.is(getRetryDelayMs({attempt: 6, baseMs: 500, retryAfterMs: 100, maxMs: 60_000, random}), 16_000, 'a shorter Retry-After does not cut the backoff');
	t.is(getRetryDelayMs({attempt: 1, baseMs: 500, retryAfterMs: 3_600_000, maxMs: 60_000, random}), 60_000);
	t.is(getRetryDelayMs({attempt: 1, baseMs: 500, maxMs: 60_000, random: () => 0}), 250, 'jitter: between half and all');
});

test('Retry-After is read as seconds or as an HTTP date', t => {
	const now = Date.parse('2026-12-02T07:00:00Z');
	t.is(parseRetryAfter('120', now), 120_000);
	t.is(parseRetryAfter('Wed, 02 Dec 2026 07:00:30 GMT', now), 30_000);
	t.is(parseRetryAfter('Wed, 02 Dec 2026 06:00:00 GMT', now), 0);
	t.is(parseRetryAfter(null, now), undefined);
	t.is(parseRetryAfter('soon', now), undefined);
});
