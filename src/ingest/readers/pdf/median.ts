/** The median of some numbers (the upper one for an even count), or 0 for none. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((left, right) => left - right);
	return sorted[sorted.length >> 1] ?? 0;
}
