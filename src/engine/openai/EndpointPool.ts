/** One server of the pool and its state; only the pool changes it. */
export interface Endpoint {
	/** Base URL, such as `http://127.0.0.1:8080/v1`. */
	readonly url: string;
	/** Calls it serves at once. */
	readonly concurrency: number;
	inFlight: number;
	/** Failures in a row. */
	failures: number;
	/** Out of the rotation until this time (ms since the epoch); 0 while in rotation. */
	openUntil: number;
	/** A trial call is in flight after the cooldown (the breaker is half open). */
	trial: boolean;
}

/** How a call on an endpoint ended, for the circuit breaker. */
export type EndpointOutcome = 'success' | 'failure' | 'neutral';

export interface EndpointPoolOptions {
	/** Failures in a row that take a server out of the rotation. */
	threshold: number;
	/** How long it stays out before a trial call, in ms. */
	cooldownMs: number;
	log: (line: string) => void;
}

interface _Waiter {
	resolve: (endpoint: Endpoint) => void;
	reject: (reason: unknown) => void;
	signal: AbortSignal | undefined;
	onAbort: () => void;
}

/**
 * Spreads calls over servers by load: a call takes a free slot on the server in rotation with the
 * fewest calls in flight, and waits while every such server is full. A circuit breaker takes a
 * server that fails `threshold` times in a row out of the rotation for `cooldownMs`; then a single
 * trial call decides whether it comes back. When no server is in rotation at all, a call goes to the
 * one that comes back first rather than waiting, so callers run out of retries instead of hanging.
 */
export class EndpointPool {
	readonly endpoints: readonly Endpoint[];
	private readonly options: EndpointPoolOptions;
	private readonly waiters: _Waiter[] = [];
	private timer: NodeJS.Timeout | undefined;
	private turn = 0;

	constructor(endpoints: ReadonlyArray<{url: string; concurrency: number}>, options: EndpointPoolOptions) {
		this.endpoints = endpoints.map(({url, concurrency}) => ({url, concurrency, inFlight: 0, failures: 0, openUntil: 0, trial: false}));
		this.options = options;
	}

	/** Calls served at once over all servers. */
	get capacity(): number {
		return this.endpoints.reduce((sum, endpoint) => sum + endpoint.concurrency, 0);
	}

	/** Takes a slot; give it back with {@link release}. Rejects with the signal's reason on abort. */
	acquire(signal?: AbortSignal): Promise<Endpoint> {
		if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
		const endpoint = this.waiters.length === 0 ? this._pick() : undefined;
		if (endpoint !== undefined) return Promise.resolve(this._take(endpoint));
		return new Promise<Endpoint>((resolve, reject) => {
			const waiter: _Waiter = {
				resolve, reject, signal,
				onAbort: () => {
					this.waiters.splice(this.waiters.indexOf(waiter), 1);
					reject(signal?.reason);
				},
			};
			signal?.addEventListener('abort', waiter.onAbort, {once: true});
			this.waiters.push(waiter);
			this._scheduleWake();
		});
	}

	/** Gives a slot back and feeds the call's outcome to the breaker. */
	release(endpoint: Endpoint, outcome: EndpointOutcome, detail = ''): void {
		endpoint.inFlight--;
		const wasTrial = endpoint.trial;
		endpoint.trial = false;
		if (outcome === 'success') {
			if (endpoint.openUntil !== 0) this.options.log(`${endpoint.url} is back in rotation`);
			endpoint.failures = 0;
			endpoint.openUntil = 0;
		} else if (outcome === 'failure') {
			endpoint.failures++;
			if (wasTrial || endpoint.failures === this.options.threshold) {
				endpoint.openUntil = Date.now() + this.options.cooldownMs;
				this.options.log(`${endpoint.url} is out of rotation for ${this.options.cooldownMs / 1000} s after ${endpoint.failures} failures in a row (${detail})`);
			} else if (endpoint.failures > this.options.threshold && endpoint.openUntil !== 0) {
				endpoint.openUntil = Math.max(endpoint.openUntil, Date.now() + this.options.cooldownMs);
			}
		}
		this._wake();
	}

	/** Stops the cooldown timer (waiters still get slots as calls finish). */
	dispose(): void {
		clearTimeout(this.timer);
	}

	private _isInRotation(endpoint: Endpoint, now: number): boolean {
		if (endpoint.openUntil === 0) return true;
		return endpoint.openUntil <= now && !endpoint.trial;
	}

	private _pick(): Endpoint | undefined {
		const now = Date.now();
		const free = this.endpoints.filter(endpoint => endpoint.inFlight < endpoint.concurrency);
		const ready = free.filter(endpoint => this._isInRotation(endpoint, now));
		if (ready.length > 0) {
			// Fewest calls in flight; ties go round robin.
			const least = Math.min(...ready.map(endpoint => endpoint.inFlight));
			const tied = ready.filter(endpoint => endpoint.inFlight === least);
			return tied[this.turn++ % tied.length];
		}
		if (this.endpoints.some(endpoint => this._isInRotation(endpoint, now))) return undefined;
		return free.toSorted((a, b) => a.openUntil - b.openUntil)[0];
	}

	private _take(endpoint: Endpoint): Endpoint {
		if (endpoint.openUntil !== 0 && endpoint.openUntil <= Date.now()) endpoint.trial = true;
		endpoint.inFlight++;
		return endpoint;
	}

	private _wake(): void {
		while (this.waiters.length > 0) {
			const endpoint = this._pick();
			if (endpoint === undefined) break;
			const waiter = this.waiters.shift();
			waiter?.signal?.removeEventListener('abort', waiter.onAbort);
			waiter?.resolve(this._take(endpoint));
		}
		this._scheduleWake();
	}

	/** While calls wait, re-check when the next cooldown ends. */
	private _scheduleWake(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		if (this.waiters.length === 0) return;
		const now = Date.now();
		const next = Math.min(...this.endpoints.map(endpoint => (endpoint.openUntil > now ? endpoint.openUntil : Infinity)));
		if (Number.isFinite(next)) this.timer = setTimeout(() => this._wake(), next - now + 1).unref();
	}
}
