export interface LongestFit {
	index: number;
	tokens: number;
}

/**
 * Finds the longest candidate piece whose token count is within `budget`, among pieces sorted by
 * ascending character length (`lengths`), assuming counts grow with length. The first probes aim at
 * the length the characters-per-token rate predicts, then interpolate between the closest fitting
 * and overflowing probes; then it bisects. Counts
 * only the probed pieces, so finding a fit costs a few counts of about `budget` tokens each.
 * Stops at a fit of 97% of the budget. Returns undefined when even the shortest piece is over budget.
 */
export function findLongestFit(
	lengths: readonly number[], budget: number, charsPerToken: number, countPiece: (index: number) => number,
): LongestFit | undefined {
	let low = -1;
	let high = lengths.length;
	let lowTokens = 0;
	let highTokens = Number.POSITIVE_INFINITY;
	let best: LongestFit | undefined;
	for (let probe = 0; high - low > 1 && lowTokens < budget * _closeEnough; probe++) {
		const guess = _guessLength(lengths, low, lowTokens, high, highTokens, budget, charsPerToken);
		let middle = probe < _guidedProbes ? _findLastAtOrBelow(lengths, guess, low + 1, high - 1) : (low + high) >> 1;
		if (middle <= low || middle >= high) middle = (low + high) >> 1;
		const tokens = countPiece(middle);
		if (tokens <= budget) {
			low = middle;
			lowTokens = tokens;
			best = {index: middle, tokens};
		} else {
			high = middle;
			highTokens = tokens;
		}
	}
	return best;
}

/** A fit this full ends the search: more probes would gain little. */
const _closeEnough = 0.97;
/** Probes aimed by the token rate before plain bisection takes over. */
const _guidedProbes = 6;

/**
 * The length expected to hold `budget` tokens: interpolated between the longest fitting and the
 * shortest overflowing probe once both are known, else from the characters-per-token rate.
 */
function _guessLength(
	lengths: readonly number[], low: number, lowTokens: number, high: number, highTokens: number, budget: number, charsPerToken: number,
): number {
	const lowLength = low < 0 ? 0 : lengths[low]!;
	if (high < lengths.length && Number.isFinite(highTokens) && highTokens > lowTokens) {
		return lowLength + (lengths[high]! - lowLength) * (budget - lowTokens) / (highTokens - lowTokens);
	}
	return lowLength + (budget - lowTokens) * charsPerToken;
}

/** The last index in [low, high] whose value is at or below `value`, or `low` if none is. */
function _findLastAtOrBelow(values: readonly number[], value: number, low: number, high: number): number {
	let result = low;
	let left = low;
	let right = high;
	while (left <= right) {
		const middle = (left + right) >> 1;
		if (values[middle]! <= value) {
			result = middle;
			left = middle + 1;
		} else {
			right = middle - 1;
		}
	}
	return result;
}
