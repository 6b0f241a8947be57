/** Numbers (pages, the parts of a document) as a reader writes them: ascending, repeats dropped, runs as ranges, joined by "; " (`[5, 1, 2]` is "1-2; 5"). */
export function formatNumberRanges(numbers: readonly number[]): string {
	const sorted = [...new Set(numbers)].sort((left, right) => left - right);
	const ranges: string[] = [];
	for (let index = 0; index < sorted.length;) {
		let end = index;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
		ranges.push(end === index ? String(sorted[index]) : `${sorted[index]}-${sorted[end]}`);
		index = end + 1;
	}
	return ranges.join('; ');
}
