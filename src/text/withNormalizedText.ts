import {normalizeForMatch, type NormalizedText} from './normalizeForMatch.js';

/**
 * `document` with a `normalized` property: its text normalized for matching (normalizeForMatch),
 * computed on first read and then shared by every reader of the document (the summary checker's
 * index, the field evidence locator), so that a document's text is normalized once. A copy made by
 * spreading the result reads it, and carries the value computed.
 */
export function withNormalizedText<T extends {text: string}>(document: T): T & {readonly normalized: NormalizedText} {
	let normalized: NormalizedText | undefined;
	return Object.defineProperty({...document}, 'normalized', {
		get: () => (normalized ??= normalizeForMatch(document.text)),
		enumerable: true,
	}) as T & {readonly normalized: NormalizedText};
}
