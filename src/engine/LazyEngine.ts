import {EngineError} from '../errors.js';
import type {Engine} from './Engine.js';

/**
 * An engine loaded on first use. A run over unchanged documents only needs the engine's id (to
 * recognize what it already summarized), so loading a multi-gigabyte model, or connecting to
 * servers, waits until a document actually needs a model call.
 */
export class LazyEngine {
	/** The loaded engine's id when known beforehand (see `identifyEngine`); undefined when only loading tells. */
	readonly knownId: string | undefined;
	private readonly open: () => Promise<Engine>;
	private loading: Promise<Engine> | undefined;
	private engine: Engine | undefined;

	constructor(knownId: string | undefined, open: () => Promise<Engine>) {
		this.knownId = knownId;
		this.open = open;
	}

	/** Wraps an engine that is already loaded. */
	static of(engine: Engine): LazyEngine {
		const lazy = new LazyEngine(engine.id, () => Promise.resolve(engine));
		lazy.engine = engine;
		lazy.loading = Promise.resolve(engine);
		return lazy;
	}

	/** The engine, once {@link load} has succeeded. */
	get loaded(): Engine | undefined {
		return this.engine;
	}

	/** Loads the engine once; every caller gets the same engine (or the same error). */
	load(): Promise<Engine> {
		this.loading ??= this._load();
		return this.loading;
	}

	/** Closes the engine when it was loaded (waiting for a load in progress); safe to call twice. */
	async close(): Promise<void> {
		const engine = await this.loading?.catch(() => undefined);
		await engine?.close();
	}

	private async _load(): Promise<Engine> {
		const engine = await this.open();
		if (this.knownId !== undefined && engine.id !== this.knownId) {
			await engine.close();
			throw new EngineError('E_MODEL_LOAD', `the model changed while precis was starting (expected ${this.knownId}, loaded ${engine.id}): run again once the model file is in place`, {retryable: false});
		}
		this.engine = engine;
		return engine;
	}
}
