import type {ReportUnsupportedFact} from './ReportRecord.js';

/** A piece of text, and the unsupported fact it is when it is one. */
export interface TextPiece {
	text: string;
	fact?: ReportUnsupportedFact;
}

/**
 * Cuts text into pieces at every occurrence of an unsupported fact's text (longest facts first), so
 * that a report can highlight them in the summary and key points.
 */
export function splitAtFacts(text: string, facts: readonly ReportUnsupportedFact[]): TextPiece[] {
	const byText = new Map(facts.filter(fact => fact.text.trim() !== '').map(fact => [fact.text, fact]));
	if (byText.size === 0) return [{text}];
	const pattern = new RegExp(`(${[...byText.keys()].sort((a, b) => b.length - a.length).map(_escapeRegExp).join('|')})`, 'g');
	return text.split(pattern).filter(piece => piece !== '').map(piece => {
		const fact = byText.get(piece);
		return fact === undefined ? {text: piece} : {text: piece, fact};
	});
}

function _escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
