import {hostname} from 'node:os';
import {toError} from '../errors.js';
import type {Store} from '../store/Store.js';
import type {ClaimOwner, Lease} from '../store/types.js';

export interface LeaseKeeperOptions {
	store: Store;
	/** A claim whose heartbeat is older than this belongs to a process that stopped. @default 60000 */
	staleAfterMs?: number;
	/** How often this process refreshes its claims; well within `staleAfterMs`. @default 10000 */
	heartbeatMs?: number;
	/** A heartbeat failed (the database stayed locked): the run cannot keep its claims and must stop. */
	onError: (error: Error) => void;
}

/**
 * The lease protocol: how processes sharing a database agree who works on a document.
 * 1. Look first (`decideDocument`), claim only what needs work: {@link claim} grants a lease with a
 *    fresh token, or nothing when another live process holds the document.
 * 2. Look again after claiming: another process may have finished it between the look and the claim.
 * 3. Every write about the document presents the lease (`Store` refuses it once the claim was lost:
 *    released, finished, or taken over after this process stalled past `staleAfterMs`).
 * 4. A heartbeat, timed by this process's monotonic timer rather than the wall clock, refreshes every
 *    claim of the process; recording the outcome releases it (then call {@link settled}), and so does
 *    {@link release}. {@link stop} releases what is left (a run that stopped on a locked database).
 */
export class LeaseKeeper {
	readonly owner: ClaimOwner = {host: hostname(), pid: process.pid};
	readonly #store: Store;
	readonly #staleAfterMs: number;
	readonly #heartbeat: NodeJS.Timeout;
	/** Leases granted and not yet released or settled. */
	readonly #held = new Set<Lease>();

	constructor(options: LeaseKeeperOptions) {
		this.#store = options.store;
		this.#staleAfterMs = options.staleAfterMs ?? 60_000;
		const heartbeatMs = options.heartbeatMs ?? 10_000;
		if (!(heartbeatMs > 0 && heartbeatMs < this.#staleAfterMs)) {
			throw new TypeError(`Expected \`heartbeatMs\` to be positive and below \`staleAfterMs\` (${this.#staleAfterMs}), got ${heartbeatMs}`);
		}
		this.#heartbeat = setInterval(() => {
			try {
				this.#store.heartbeat(this.owner);
			} catch (error) {
				options.onError(toError(error));
			}
		}, heartbeatMs);
		this.#heartbeat.unref();
	}

	/** A lease on `path` for this process, or undefined when another process holds it. */
	claim(path: string): Lease | undefined {
		const lease = this.#store.claimDocument(path, this.owner, this.#staleAfterMs);
		if (lease !== undefined) this.#held.add(lease);
		return lease;
	}

	/** Gives `lease` up without an outcome (the document stays for the next run). */
	release(lease: Lease): void {
		this.#store.releaseDocument(lease);
		this.#held.delete(lease);
	}

	/** The document's outcome was written (or refused): the store released the claim, or it was lost. */
	settled(lease: Lease): void {
		this.#held.delete(lease);
	}

	/** Stops the heartbeat and releases every lease still held, as far as the database allows; safe to call twice. */
	stop(): void {
		clearInterval(this.#heartbeat);
		for (const lease of this.#held) {
			try {
				this.release(lease);
			} catch {
				// The database is still locked: the claim goes stale, or is reclaimed once this process has exited.
			}
		}
	}
}
