import {globToRegExp} from './globToRegExp.js';

/** Whether an input is a glob (has a wildcard) rather than a file or folder. */
export function isGlob(input: string): boolean {
	return /[*?[]/.test(input);
}

/** Splits a glob into the folder before its first wildcard and a matcher for the rest of it. */
export function splitGlob(input: string): {root: string; pattern: RegExp} {
	const parts = input.split('/');
	const firstWild = parts.findIndex(part => isGlob(part));
	const root = parts.slice(0, firstWild).join('/') || '.';
	return {root, pattern: globToRegExp(parts.slice(firstWild).join('/'))};
}
