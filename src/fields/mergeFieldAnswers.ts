import {normalizeForMatch} from '../text/normalizeForMatch.js';
import type {FieldResult, FieldValue} from '../store/FieldRecord.js';
import type {FieldItem} from './FieldItem.js';
import {locateEvidence, type EvidenceSource} from './locateEvidence.js';
import type {ItemAnswer} from './parseFieldsOutput.js';

/** A non-null answer of one part, with where its evidence was found (undefined: not in the source). */
interface _Candidate {
	value: Exclude<FieldValue, null>;
	evidence: string;
	pages: number[] | undefined;
}

export interface MergedFields {
	items: Map<string, FieldResult>;
	/** Questions answered differently by several parts: their answers, in document order, for a merge call. */
	pendingAnswers: Map<FieldItem, string[]>;
}

/**
 * Merges the answers of a document's parts (in document order; one part for a whole document),
 * deterministically by type. Candidates whose evidence is found in the source are preferred; only
 * when none is found are the others used, and the value is marked unsupported. Single values: the
 * first candidate, other values kept as conflicts. Enums: the most frequent value (ties: the
 * earliest). Lists: the union, in order of first appearance. Questions: one answer as it is;
 * several different answers are left pending for one merge call.
 */
export function mergeFieldAnswers(items: readonly FieldItem[], parts: ReadonlyArray<ReadonlyMap<string, ItemAnswer>>, source: EvidenceSource): MergedFields {
	const merged: MergedFields = {items: new Map(), pendingAnswers: new Map()};
	for (const item of items) {
		const answers = parts.map(part => part.get(item.id)).filter(answer => answer !== undefined);
		const warnings = answers.flatMap(answer => answer.warnings);
		const candidates = answers.flatMap((answer): _Candidate[] => answer.value === null ? [] : [{
			value: answer.value, evidence: answer.evidence, pages: answer.evidence === '' ? undefined : locateEvidence(source, answer.evidence),
		}]);
		if (candidates.length === 0) {
			merged.items.set(item.id, {value: null, evidence: [], pages: [], supported: null, conflicts: [], warnings});
			continue;
		}
		const found = candidates.filter(candidate => candidate.pages !== undefined);
		const pool = found.length > 0 ? found : candidates;
		const chosen = _choose(item, pool);
		const distinct = _distinctValues(candidates.map(candidate => candidate.value));
		merged.items.set(item.id, {
			value: chosen.value,
			evidence: [...new Set(chosen.from.map(candidate => candidate.evidence).filter(evidence => evidence !== ''))],
			pages: [...new Set(chosen.from.flatMap(candidate => candidate.pages ?? []))].sort((a, b) => a - b),
			supported: found.length > 0,
			conflicts: item.type === 'list' || item.kind === 'question' ? [] : distinct.filter(value => _key(value) !== _key(chosen.value)),
			warnings,
		});
		if (item.kind === 'question' && _distinctValues(pool.map(candidate => candidate.value)).length > 1) {
			merged.pendingAnswers.set(item, pool.map(candidate => String(candidate.value)));
		}
	}
	return merged;
}

/** The merged value and the candidates it rests on. */
function _choose(item: FieldItem, pool: readonly _Candidate[]): {value: Exclude<FieldValue, null>; from: _Candidate[]} {
	if (item.type === 'list') {
		const union = _distinctValues(pool.flatMap(candidate => candidate.value as string[])) as string[];
		return {value: union, from: [...pool]};
	}
	if (item.type === 'enum') {
		const counts = new Map<string, number>();
		for (const candidate of pool) counts.set(_key(candidate.value), (counts.get(_key(candidate.value)) ?? 0) + 1);
		const best = Math.max(...counts.values());
		const winner = pool.find(candidate => counts.get(_key(candidate.value)) === best)!;
		return {value: winner.value, from: pool.filter(candidate => _key(candidate.value) === _key(winner.value))};
	}
	return {value: pool[0]!.value, from: [pool[0]!]};
}

/** Values in order of first appearance, without repeats (text compared after normalizeForMatch, without end punctuation). */
function _distinctValues(values: ReadonlyArray<Exclude<FieldValue, null>>): Array<Exclude<FieldValue, null>> {
	const seen = new Map<string, Exclude<FieldValue, null>>();
	for (const value of values) if (!seen.has(_key(value))) seen.set(_key(value), value);
	return [...seen.values()];
}

function _key(value: FieldValue): string {
	return typeof value === 'string' ? `s:${normalizeForMatch(value).text.replace(/[\s.,;:!?]+$/u, '').trim()}` : JSON.stringify(value);
}
