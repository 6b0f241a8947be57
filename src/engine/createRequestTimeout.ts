/** An abort signal that fires after a delay, and the way to cancel it once the request settled. */
export interface RequestTimeout extends Disposable {
	readonly signal: AbortSignal;
}

/**
 * A request's deadline that keeps the process alive until it fires. `AbortSignal.timeout` does not:
 * its timer is unref'd, and Node's fetch (undici) can leave a request pending forever when the
 * server resets the connection (seen here with a server that destroys every socket: the process then
 * exits 0 with nothing printed). A referenced timer makes such a request fail as a timeout instead.
 * Dispose of it (or use `using`) once the request settled, so the timer does not hold the process.
 */
export function createRequestTimeout(timeoutMs: number): RequestTimeout {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
	return {signal: controller.signal, [Symbol.dispose]: () => clearTimeout(timer)};
}
