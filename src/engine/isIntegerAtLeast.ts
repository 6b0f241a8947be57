/** Whether `value` is an integer of at least `min`: the check engine options share. */
export function isIntegerAtLeast(value: unknown, min: number): boolean {
	return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
