import {attributeStatement} from './attributeStatement.js';
import type {SourceIndex} from './indexSource.js';

/**
 * The source passages nearest to the given statements (the best window of each, then the next
 * best), in document order without repeats, as text: what a repair prompt shows the model.
 */
export function findNearestPassages(statements: readonly string[], index: SourceIndex): string[] {
	const spans = new Map<number, number>();
	for (const statement of statements) {
		for (const passage of attributeStatement(statement, index, 0)?.passages ?? []) spans.set(passage.start, Math.max(passage.end, spans.get(passage.start) ?? 0));
	}
	return [...spans].sort(([left], [right]) => left - right).map(([start, end]) => index.text.slice(start, end).replaceAll(/\s+/gu, ' '));
}
