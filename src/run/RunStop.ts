import {setMaxListeners} from 'node:events';

/**
 * How a run stops. Interrupted (SIGINT/SIGTERM through `signal`): it takes no more documents or
 * queued calls, and calls in flight get `graceMs` to finish. Failed (a run error: the engine could
 * not load, the database stayed locked): the same, but calls in flight are abandoned at once. Either
 * way the documents being worked on are put back for the next run, not recorded as failed.
 */
export class RunStop {
	/** Aborted when the run stops: no more documents, no more queued calls. */
	readonly intake = new AbortController();
	/** Aborted when calls in flight are abandoned. */
	readonly inFlight = new AbortController();
	/** The first run error, if any. */
	failure: Error | undefined;
	interrupted = false;
	readonly #signal: AbortSignal | undefined;
	readonly #onAbort: () => void;

	constructor(signal: AbortSignal | undefined, graceMs = 5000) {
		// Every queued model call listens on these: many listeners are normal, not a leak.
		setMaxListeners(0, this.intake.signal, this.inFlight.signal);
		this.#signal = signal;
		this.#onAbort = () => {
			this.interrupted = true;
			this.intake.abort();
			setTimeout(() => this.inFlight.abort(), graceMs).unref();
		};
		if (signal?.aborted === true) this.#onAbort();
		signal?.addEventListener('abort', this.#onAbort, {once: true});
	}

	/** Whether the run is stopping (interrupted or failed). */
	get stopping(): boolean {
		return this.intake.signal.aborted;
	}

	/** Stops the run for `error`; the first error is the one the run reports. */
	fail(error: Error): void {
		this.failure ??= error;
		this.intake.abort();
		this.inFlight.abort();
	}

	dispose(): void {
		this.#signal?.removeEventListener('abort', this.#onAbort);
	}
}
