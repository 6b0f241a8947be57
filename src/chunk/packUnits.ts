import {classifyChunkEnd, endsThought} from './classifyChunkEnd.js';
import type {Block} from './segmentBlocks.js';
import {splitUnit, type Unit} from './splitUnit.js';

/** A packed run of units: `[start, end)` is trimmed text of at most the budget, verified. */
export interface PackedRange {
	start: number;
	end: number;
	tokens: number;
	/** Index of the block the range starts in. */
	block: number;
	/** Whether the range left room for overlap: it neither starts the document nor a section. */
	takesOverlap: boolean;
}

export interface PackUnitsOptions {
	countTokens: (text: string) => number;
	/** Most tokens per chunk. */
	maxTokens: number;
	/** Tokens kept free for overlap in ranges that do not start the document or a section. */
	overlapTokens: number;
}

/** Below this fill a chunk keeps going past a heading (a small section merges with the next). */
const _sectionMinFill = 0.3;
/**
 * Below these fills a unit that does not fit is split to fill the chunk: a paragraph (depth 0) into
 * sentences (or lines), a sentence (depth 1) into lines, as in verse or hard-wrapped text. From 60%
 * up a chunk rather ends at a paragraph end than in the next paragraph.
 */
const _splitBelowFill = [0.6, 0.5];
/**
 * A range that would end inside a sentence (after a line or a word) ends instead at its last
 * sentence or paragraph end, if that leaves it at least this full.
 */
const _cleanEndMinFill = 0.6;

/**
 * Packs a document's blocks greedily into ranges of at most `maxTokens` tokens, less `overlapTokens`
 * for ranges that will take overlap. Each block is counted
 * once and ranges are packed by the sum of their units' counts; each closed range is then counted
 * once, and only when it is over budget (counts of pieces do not add exactly) is its last unit put
 * back. Cuts fall at headings first: a new section starts a new range unless it fits entirely or the
 * range is under 30% full. Blocks over budget are split into sentences, lines, then words or
 * characters; a block that would leave the range under 60% full is split into sentences to fill it,
 * and a sentence that would leave it under half full into lines. A range that would then end
 * inside a sentence ends at its last sentence or paragraph end instead, when that leaves it 60% full.
 * A range never ends with a heading unless the heading is all it holds or the document ends there.
 */
export function packUnits(text: string, blocks: readonly Block[], {countTokens, maxTokens, overlapTokens}: PackUnitsOptions): PackedRange[] {
	const units: Unit[] = blocks.map((block, index) => ({
		lead: block.lead, start: block.start, end: block.end, tokens: countTokens(text.slice(block.lead, block.end)), depth: 0, block: index,
	}));
	const sectionTokens = _sumSections(blocks, units);
	const isHeading = (unit: Unit) => unit.depth === 0 && blocks[unit.block]!.level > 0;
	const pending = units.reverse();
	const ranges: PackedRange[] = [];
	let current: Unit[] = [];
	let currentTokens = 0;
	let takesOverlap = false;
	let budget = maxTokens;

	const startRange = (first: Unit) => {
		takesOverlap = ranges.length > 0 && !isHeading(first);
		budget = takesOverlap ? maxTokens - overlapTokens : maxTokens;
	};
	const split = (unit: Unit, force: boolean) => splitUnit(text, unit, {countTokens, budget: maxTokens - overlapTokens, force});
	const closeRange = () => {
		if (pending.length > 0) _backUpToCleanEnd(text, current, pending, _cleanEndMinFill * budget, isHeading);
		while (current.length > 0) {
			while (current.length > 1 && pending.length > 0 && isHeading(current[current.length - 1]!)) pending.push(current.pop()!);
			const first = current[0]!;
			const last = current[current.length - 1]!;
			const tokens = countTokens(text.slice(first.start, last.end));
			if (tokens <= budget) {
				ranges.push({start: first.start, end: last.end, tokens, block: first.block, takesOverlap});
				break;
			}
			if (current.length > 1) {
				pending.push(current.pop()!);
			} else {
				pending.push(...split(first, true)!.reverse());
				current = [];
			}
		}
		current = [];
		currentTokens = 0;
	};

	while (pending.length > 0 || current.length > 0) {
		if (pending.length === 0) {
			closeRange();
			continue;
		}
		const unit = pending.pop()!;
		if (current.length === 0) startRange(unit);
		if (current.length > 0 && isHeading(unit)) {
			const sectionFits = currentTokens + sectionTokens[unit.block]! <= budget;
			if (!sectionFits && currentTokens >= _sectionMinFill * budget) {
				pending.push(unit);
				closeRange();
				continue;
			}
		}
		if (currentTokens + unit.tokens <= budget) {
			current.push(unit);
			currentTokens += unit.tokens;
			continue;
		}
		const overBudget = unit.tokens > budget;
		if (overBudget || currentTokens < (_splitBelowFill[unit.depth] ?? 0) * budget) {
			const children = split(unit, overBudget);
			if (children !== undefined) {
				pending.push(...children.reverse());
				continue;
			}
		}
		pending.push(unit);
		closeRange();
	}
	return ranges;
}

/**
 * When the range would not end where a thought ends ({@link endsThought}: a paragraph, sentence,
 * table or list item end), moves the units after its last such end back to `pending`, provided at
 * least `minTokens` stay. Without one, a range that ends inside a line backs up to its last line end
 * (between two rows of a table longer than a chunk, say). A heading is never the end backed up to.
 */
function _backUpToCleanEnd(text: string, current: Unit[], pending: Unit[], minTokens: number, isHeading: (unit: Unit) => boolean): void {
	const rank = (unit: Unit) => {
		if (isHeading(unit)) return 0;
		const kind = classifyChunkEnd(text, unit.end);
		return endsThought(kind) ? 2 : kind === 'mid-line' || kind === 'mid-row' ? 0 : 1;
	};
	if (current.length < 2) return;
	const lastRank = rank(current[current.length - 1]!);
	if (lastRank === 2) return;
	let tokens = 0;
	const kept = current.map(unit => (tokens += unit.tokens));
	let fallback: number | undefined;
	for (let index = current.length - 2; index >= 0 && kept[index]! >= minTokens; index--) {
		const unitRank = rank(current[index]!);
		if (unitRank === 2) {
			fallback = index;
			break;
		}
		if (unitRank > lastRank && fallback === undefined) fallback = index;
	}
	if (fallback !== undefined) pending.push(...current.splice(fallback + 1).reverse());
}

/** For each heading block, the tokens of its section (the heading and the blocks up to the next heading). */
function _sumSections(blocks: readonly Block[], units: readonly Unit[]): number[] {
	const sums = new Array<number>(blocks.length).fill(0);
	let heading = -1;
	for (const [index, block] of blocks.entries()) {
		if (block.level > 0) heading = index;
		if (heading >= 0) sums[heading]! += units[index]!.tokens;
	}
	return sums;
}
