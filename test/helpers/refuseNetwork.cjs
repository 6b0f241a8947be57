/**
 * Preload (NODE_OPTIONS=--require=...) that refuses every network access and records it in the file
 * named by PRECIS_NETWORK_LOG. Node runs --require preloads in every process started with that
 * environment and in every worker thread, so this also covers extraction processes and
 * tesseract.js's thread. (An --import preload would not run in worker threads.)
 */
const {appendFileSync} = require('node:fs');
const {inspect} = require('node:util');
const {isMainThread} = require('node:worker_threads');

function refuse(what) {
	appendFileSync(process.env.PRECIS_NETWORK_LOG, `${process.pid}${isMainThread ? '' : ' (thread)'}: ${what}\n`);
	throw new Error(`network access refused by the test: ${what}`);
}

const net = require('node:net');
const connectLocally = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
	const [options] = args;
	// A Unix socket or pipe (tsx talks to its parent process over one) is local, not the network.
	const local = typeof options === 'string' || (Array.isArray(options) ? typeof options[0]?.path === 'string' : typeof options?.path === 'string');
	if (local) return connectLocally.apply(this, args);
	refuse(`connect ${inspect(options, {depth: 1})}`);
};
for (const module of [require('node:http'), require('node:https')]) {
	module.request = url => refuse(`request ${inspect(url, {depth: 1})}`);
	module.get = url => refuse(`get ${inspect(url, {depth: 1})}`);
}
const dns = require('node:dns');
dns.lookup = host => refuse(`dns lookup ${host}`);
dns.promises.lookup = async host => refuse(`dns lookup ${host}`);
globalThis.fetch = async input => refuse(`fetch ${String(input?.url ?? input)}`);
