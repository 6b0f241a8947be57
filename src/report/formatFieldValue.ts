/** Writes a typed field value as report text: null as "—", lists joined with "; ", objects as JSON. */
export function formatFieldValue(value: unknown): string {
	if (value === null || value === undefined) return '—';
	if (Array.isArray(value)) return value.map(formatFieldValue).join('; ');
	if (typeof value === 'object') return JSON.stringify(value);
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	return String(value as string | number | bigint);
}
