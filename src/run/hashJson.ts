import {createHash} from 'node:crypto';

/** Hex SHA-256 of a value's JSON form: cache keys and settings fingerprints. */
export function hashJson(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
