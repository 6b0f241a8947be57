export interface ThroughputMeterOptions {
	/** Throughput is measured over the calls that ended this long ago or less… @default 60_000 */
	windowMs?: number;
	/** …and over at least this many of the latest calls, however long ago they ended. @default 8 */
	minCalls?: number;
}

interface _Completion {
	end: number;
	prompt: number;
	output: number;
}

/**
 * Measures a run's model throughput from the calls it made: work done per second of wall time over
 * a sliding window (so that parallel calls count, and one slow or fast call does not swing it), and
 * the cost of an output token relative to a prompt token, fitted to the calls' durations.
 */
export class ThroughputMeter {
	readonly #windowMs: number;
	readonly #minCalls: number;
	#recent: _Completion[] = [];
	/** When the first call of the current busy stretch began: time before it (loading, idling) is not counted. */
	#start: number | undefined;
	/** The end of the latest call dropped from `#recent`: where the window begins when it holds every recent call. */
	#dropped: number | undefined;
	#calls = 0;
	/** Sums for the least-squares fit duration = a·prompt + b·output. */
	#fit = {pp: 0, po: 0, oo: 0, pd: 0, od: 0};

	constructor(options: ThroughputMeterOptions = {}) {
		this.#windowMs = options.windowMs ?? 60_000;
		this.#minCalls = options.minCalls ?? 8;
	}

	/** Calls measured since the last {@link restart}. */
	get calls(): number {
		return this.#calls;
	}

	/** Records a model call (not one answered from the checkpoint store) that ended at `end`. */
	record(call: {end: number; durationMs: number; promptTokens: number; outputTokens: number}): void {
		this.#start ??= call.end - call.durationMs;
		this.#calls++;
		this.#recent.push({end: call.end, prompt: call.promptTokens, output: call.outputTokens});
		const fit = this.#fit;
		const seconds = call.durationMs / 1000;
		fit.pp += call.promptTokens ** 2;
		fit.po += call.promptTokens * call.outputTokens;
		fit.oo += call.outputTokens ** 2;
		fit.pd += call.promptTokens * seconds;
		fit.od += call.outputTokens * seconds;
		const keepAfter = call.end - this.#windowMs;
		while (this.#recent.length > this.#minCalls + 1 && this.#recent[1]!.end <= keepAfter) this.#dropped = this.#recent.shift()!.end;
	}

	/** The model was idle (nothing in flight): the next call starts a new measuring stretch. */
	restart(): void {
		this.#recent = [];
		this.#start = undefined;
		this.#dropped = undefined;
		this.#calls = 0;
	}

	/**
	 * How many prompt tokens an output token costs, fitted to the calls' durations; `fallback` until
	 * the calls tell prompt and output apart (sizes that vary independently), and never below 1.
	 */
	outputWeight(fallback: number): number {
		const {pp, po, oo, pd, od} = this.#fit;
		const determinant = pp * oo - po * po;
		if (determinant <= 1e-3 * pp * oo) return fallback;
		const perPrompt = (pd * oo - od * po) / determinant;
		const perOutput = (od * pp - pd * po) / determinant;
		if (perPrompt <= 0 || perOutput <= 0) return fallback;
		return Math.max(1, perOutput / perPrompt);
	}

	/** Work per second over the window at `now`, with output tokens weighted by `outputWeight`; undefined before any call. */
	rate(now: number, outputWeight: number): {work: number; outputTokens: number; calls: number; seconds: number} | undefined {
		if (this.#start === undefined) return undefined;
		let first = this.#recent.findIndex(call => call.end > now - this.#windowMs);
		if (first === -1 || first > this.#recent.length - this.#minCalls) first = Math.max(0, this.#recent.length - this.#minCalls);
		const from = first === 0 ? this.#dropped ?? this.#start : this.#recent[first - 1]!.end;
		const counted = this.#recent.slice(first);
		const seconds = Math.max((now - from) / 1000, 1e-3);
		const output = counted.reduce((sum, call) => sum + call.output, 0);
		const work = counted.reduce((sum, call) => sum + call.prompt, 0) + outputWeight * output;
		return {work: work / seconds, outputTokens: output / seconds, calls: counted.length, seconds};
	}
}
