import {readFileSync} from 'node:fs';

/** The version in precis's package.json (from src/ or dist/ alike). */
export function readPrecisVersion(): string {
	return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;
}
