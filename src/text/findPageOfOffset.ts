/** The 1-based page of a character offset, given where each page starts (ascending): how many pages start at or before it (at least 1). */
export function findPageOfOffset(pageStarts: readonly number[], offset: number): number {
	let low = 0;
	let high = pageStarts.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (pageStarts[middle]! <= offset) low = middle + 1;
		else high = middle;
	}
	return Math.max(1, low);
}
