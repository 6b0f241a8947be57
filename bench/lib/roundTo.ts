/** `value` rounded to `digits` decimal places, for the report. */
export function roundTo(value: number, digits: number): number {
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}
