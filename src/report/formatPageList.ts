/** Writes page numbers as sorted ranges without repeats: [5, 1, 2, 3] -> "1–3, 5". */
export function formatPageList(pages: readonly number[]): string {
	const sorted = [...new Set(pages)].sort((a, b) => a - b);
	const ranges: string[] = [];
	for (let index = 0; index < sorted.length;) {
		let last = index;
		while (last + 1 < sorted.length && sorted[last + 1] === sorted[last]! + 1) last++;
		ranges.push(last === index ? `${sorted[index]}` : `${sorted[index]}–${sorted[last]}`);
		index = last + 1;
	}
	return ranges.join(', ');
}
