import {findPageOfOffset} from '../text/findPageOfOffset.js';
import {normalizeForMatch, type NormalizedText} from '../text/normalizeForMatch.js';

/** A document prepared for finding quotes in it. */
export interface EvidenceSource {
	normalized: NormalizedText;
	pageStarts: readonly number[];
}

/** A document prepared for {@link locateEvidence}: `normalized` is its text normalized for matching, when the caller has it already. */
export function createEvidenceSource(text: string, pageStarts: readonly number[], normalized: NormalizedText = normalizeForMatch(text)): EvidenceSource {
	return {normalized, pageStarts};
}

/**
 * The 1-based pages a quote spans in the source, compared after normalizeForMatch (case, accents,
 * quotes, dashes, hyphenation, thousands separators and whitespace do not matter); undefined when the
 * quote is not in the source. A quote that ends in "..." (cut short) is looked up without it.
 */
export function locateEvidence(source: EvidenceSource, quote: string): number[] | undefined {
	const needle = normalizeForMatch(quote.replace(/(?:\.\.\.|…)\s*$/u, '')).text.trim();
	if (needle.length === 0) return undefined;
	const at = source.normalized.text.indexOf(needle);
	if (at < 0) return undefined;
	const {offsets} = source.normalized;
	const first = findPageOfOffset(source.pageStarts, offsets[at]!);
	const last = findPageOfOffset(source.pageStarts, offsets[at + needle.length - 1]!);
	return Array.from({length: last - first + 1}, (_, index) => first + index);
}
