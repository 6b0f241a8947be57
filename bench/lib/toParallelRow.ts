import {roundTo} from './roundTo.js';

/** One row of figure 3's engine-alone measurements. */
export interface EngineParallelRow {
	sequences: number;
	seconds: number;
	tokensPerSecond: number;
	/** Throughput over that of the first row (one sequence). */
	speedup: number;
}

/** The row for `sequences` sequences that each processed `tokensPerSequence` tokens in `seconds` in all. */
export function toParallelRow(sequences: number, seconds: number, tokensPerSequence: number, first: EngineParallelRow | undefined): EngineParallelRow {
	return {
		sequences, seconds: roundTo(seconds, 2), tokensPerSecond: roundTo((sequences * tokensPerSequence) / seconds, 1),
		speedup: first === undefined ? 1 : roundTo((first.seconds / first.sequences) / (seconds / sequences), 2),
	};
}
