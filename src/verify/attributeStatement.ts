import {normalizeForMatch} from '../text/normalizeForMatch.js';
import {extractContentStems} from './extractContentStems.js';
import type {SourceIndex, SourceUnit} from './indexSource.js';
import type {Citation} from './VerificationResult.js';

/** A statement traced to the source: its citation, and the passages found nearest (for a repair prompt). */
export interface Attribution {
	citation: Citation;
	/** `[start, end)` in the source text of the best passages, best first. */
	passages: Array<{start: number; end: number}>;
}

/** Units looked at closely per statement, by their own overlap, before widening them to windows. */
const _candidates = 40;
/** Most sentences in one supporting window: a statement may condense neighbouring sentences. */
const _maxWindow = 3;
/** A wider window must gain this much support per extra sentence to be preferred. */
const _widthCost = 0.02;
const _maxPages = 3;
/** Other passages add their pages when at least this share of the best passage's support (and over the threshold). */
const _nearBest = 0.8;

/**
 * Traces a statement to the source passages that support it best: stemmed content words of the
 * statement, weighted by how rare they are in the source (BM25's idf), and the support of a passage
 * is the weighted share of the statement's words it contains (1: all of them). Passages are single
 * sentences or windows of up to three neighbouring ones. Pages come from the best passage, then from
 * others nearly as good, up to three.
 */
export function attributeStatement(statement: string, index: SourceIndex, threshold: number): Attribution | undefined {
	const stems = [...new Set(extractContentStems(normalizeForMatch(statement).text))];
	if (stems.length === 0) return undefined;
	const unitCount = index.units.length;
	// A word the source never uses weighs as much as its rarest words: it may be a synonym, or new content.
	const rarest = _idf(unitCount, 1);
	const weights = stems.map(stem => {
		const id = index.stemIds.get(stem);
		return id === undefined ? rarest : _idf(unitCount, index.postings[id]!.length);
	});
	const total = weights.reduce((sum, weight) => sum + weight, 0);
	// For each unit holding any of the statement's stems: which ones.
	const held = new Map<number, number[]>();
	stems.forEach((stem, position) => {
		const id = index.stemIds.get(stem);
		if (id === undefined) return;
		for (const unit of index.postings[id]!) {
			const list = held.get(unit);
			if (list === undefined) held.set(unit, [position]);
			else list.push(position);
		}
	});
	const unitScore = (unit: number): number => (held.get(unit) ?? []).reduce((sum, position) => sum + weights[position]!, 0) / total;
	const candidates = [...held.keys()].map(unit => ({unit, score: unitScore(unit)}))
		.sort((left, right) => right.score - left.score || left.unit - right.unit)
		.slice(0, _candidates);
	const windows = candidates.map(({unit}) => _bestWindowAround(unit, unitCount, held, weights, total))
		.sort((left, right) => right.rank - left.rank || left.first - right.first);
	const best = windows[0];
	const citation: Citation = {text: statement, pages: [], support: 0};
	if (best === undefined) return {citation, passages: []};
	citation.support = Math.round(best.support * 1000) / 1000;
	const chosen = [best, ...windows.slice(1).filter(window => window.support >= Math.max(threshold, _nearBest * best.support))];
	for (const window of chosen) {
		const units = index.units.slice(window.first, window.last + 1);
		for (const unit of _byOwnScore(units, window.first, unitScore)) {
			if (citation.pages.length < _maxPages && !citation.pages.includes(unit.page)) citation.pages.push(unit.page);
		}
	}
	const first = index.units[best.first]!;
	const last = index.units[best.last]!;
	if (!index.paged) citation.lines = [first.firstLine, last.lastLine];
	return {citation, passages: chosen.slice(0, 3).map(window => ({start: index.units[window.first]!.start, end: index.units[window.last]!.end}))};
}

interface _Window {
	first: number;
	last: number;
	support: number;
	rank: number;
}

/** The window of up to three neighbouring units, around `unit`, that holds the largest weighted share of the statement. */
function _bestWindowAround(unit: number, unitCount: number, held: ReadonlyMap<number, number[]>, weights: readonly number[], total: number): _Window {
	let best: _Window | undefined;
	for (let first = Math.max(0, unit - _maxWindow + 1); first <= unit; first++) {
		for (let last = unit; last < Math.min(unitCount, first + _maxWindow); last++) {
			const positions = new Set<number>();
			for (let member = first; member <= last; member++) for (const position of held.get(member) ?? []) positions.add(position);
			let covered = 0;
			for (const position of positions) covered += weights[position]!;
			const support = covered / total;
			const rank = support - _widthCost * (last - first);
			if (best === undefined || rank > best.rank) best = {first, last, support, rank};
		}
	}
	return best!;
}

function _byOwnScore(units: readonly SourceUnit[], first: number, unitScore: (unit: number) => number): SourceUnit[] {
	return units.map((unit, offset) => ({unit, score: unitScore(first + offset), offset}))
		.sort((left, right) => right.score - left.score || left.offset - right.offset)
		.map(({unit}) => unit);
}

/** BM25's inverse document frequency, over units: always positive. */
function _idf(unitCount: number, documentFrequency: number): number {
	return Math.log(1 + (unitCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
