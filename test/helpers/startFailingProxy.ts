import {createServer, request, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {ExecutionContext} from 'ava';

/**
 * An HTTP server in front of a real llama-server (`targetUrl`, `http://127.0.0.1:<port>/v1`) that
 * answers every completion request with `status` and llama-server's error body, and passes every
 * other request (`/props`, `/tokenize`, ...) through: a server that starts fine and then fails its
 * calls, whatever the llama.cpp release behind it does with odd output. Gives its own base URL.
 */
export async function startFailingProxy(t: ExecutionContext, targetUrl: string, status: number): Promise<string> {
	const target = new URL(targetUrl);
	const server = createServer((incoming, answer) => {
		if (incoming.method === 'POST' && incoming.url?.endsWith('/completions') === true) {
			incoming.resume();
			answer.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify({error: {code: status, message: 'scripted failure', type: 'server_error'}}));
			return;
		}
		_forward(incoming, answer, target);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => new Promise<void>(resolve => {
		server.close(() => resolve());
		server.closeAllConnections();
	}));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`;
}

function _forward(incoming: IncomingMessage, answer: ServerResponse, target: URL): void {
	const outgoing = request({host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers}, upstream => {
		answer.writeHead(upstream.statusCode ?? 502, upstream.headers);
		upstream.pipe(answer);
	});
	outgoing.on('error', () => answer.destroy());
	incoming.pipe(outgoing);
}
