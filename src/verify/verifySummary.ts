import {attributeStatement} from './attributeStatement.js';
import {extractFacts} from './extractFacts.js';
import type {SourceIndex} from './indexSource.js';
import {isFactSupported} from './isFactSupported.js';
import {splitStatements} from './splitStatements.js';
import type {Citation, UnsupportedFact, VerificationResult} from './VerificationResult.js';

export interface VerifySummaryOptions {
	/** A statement whose support is under this is unsupported. */
	supportThreshold: number;
	/** Key points stored beside the summary (bullets and json styles), checked as statements too. */
	keyPoints?: readonly string[];
}

/**
 * Checks a summary against its indexed source, without a model: each statement is traced to the
 * pages that support it, and each fact it states (number, date, name, quote) must occur in the
 * source. The summary needs review when a fact is missing, a statement's support is under the
 * threshold, or it has no statement at all. Only the source's own text is evidence: the prompt's
 * title and instructions are not in the index.
 */
export function verifySummary(summary: string, index: SourceIndex, options: VerifySummaryOptions): VerificationResult {
	const citations: Citation[] = [];
	const unsupported: UnsupportedFact[] = [];
	const isCommonWord = (word: string): boolean => index.facts.lowerCaseWords.has(word);
	for (const statement of splitStatements(summary, options.keyPoints)) {
		const attribution = attributeStatement(statement, index, options.supportThreshold);
		if (attribution !== undefined) citations.push(attribution.citation);
		for (const fact of extractFacts(statement, isCommonWord)) {
			if (!isFactSupported(fact, index)) unsupported.push({text: fact.text, kind: fact.kind, statement});
		}
	}
	const weak = citations.some(citation => citation.support < options.supportThreshold);
	return {needs_review: citations.length === 0 || weak || unsupported.length > 0, citations, unsupported_facts: unsupported};
}
