/**
 * Whether a value has its field's declared type in the fields test pipelines: dates real ISO days,
 * enums members, integers whole, lists of strings, booleans; other fields and questions hold strings.
 * `null` ("not stated") is a value of every field not named in `required`.
 */
export function hasDeclaredFieldType(name: string, value: unknown, required: readonly string[] = []): boolean {
	if (value === null) return !required.includes(name);
	switch (name) {
		case 'category':
			return typeof value === 'string' && ['contract', 'invoice', 'report', 'other'].includes(value);
		case 'effective_date':
			return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
		case 'amount':
			return typeof value === 'number' && Number.isFinite(value);
		case 'copies':
			return Number.isInteger(value);
		case 'parties':
			return Array.isArray(value) && value.length > 0 && value.every(item => typeof item === 'string');
		case 'signed':
			return typeof value === 'boolean';
		default:
			return typeof value === 'string';
	}
}
