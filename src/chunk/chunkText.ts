import {packUnits, type PackedRange} from './packUnits.js';
import {segmentBlocks, type Block} from './segmentBlocks.js';
import {selectOverlapStart} from './selectOverlapStart.js';
import {findPageOfOffset} from '../text/findPageOfOffset.js';

/** A piece of a document small enough for one model call. */
export interface Chunk {
	/** 0-based position in the document. */
	index: number;
	/** `text.slice(start, end)` of the input: never starts or ends with whitespace. */
	text: string;
	/** Tokens of `text` by the model's own tokenizer (`countTokens`); at most `maxTokens`. */
	tokens: number;
	/** Character offsets into the input text, `[start, end)`; with overlap, `start` reaches back into the previous chunk. */
	start: number;
	end: number;
	/** First and last page the chunk touches (1-based), or null when no `pageStarts` were given. */
	pages: [number, number] | null;
	/** The heading path the chunk's start sits under, outermost first, e.g. ["Part 2", "Costs"]. */
	headings: string[];
}

export interface ChunkTextOptions {
	/** Most tokens a chunk may have, overlap included; at least 8. */
	maxTokens: number;
	/**
	 * Tokens of the previous chunk's tail repeated at the start of the next, cut at a sentence or word
	 * start; at most half of `maxTokens`. A chunk that starts a new section gets no overlap.
	 * @default 0
	 */
	overlapTokens?: number;
	/** The model's tokenizer: how many tokens a text is. Must be deterministic. */
	countTokens: (text: string) => number;
	/** Character offset where each page starts (page i+1 starts at `pageStarts[i]`), ascending. Absent: pages are null. */
	pageStarts?: readonly number[];
}

const _minMaxTokens = 8;

/**
 * Splits a document's text into chunks of at most `maxTokens` tokens by the model's own tokenizer,
 * cutting at headings first, then blank lines, sentences, lines, words and, for a word longer than
 * the budget, characters (sentences by the one splitter, splitSentences). Chunks are packed
 * greedily, but a chunk ends where a thought ends when it can: at a section end, else a paragraph end
 * once it is 60% full, else a sentence end; it never ends with a heading. Small sections are
 * merged with the next one. Each paragraph is counted once and each chunk is verified with one more
 * count (one more again once overlap is added), so the work stays linear in the text. The same input
 * always gives the same chunks.
 */
export function chunkText(text: string, options: ChunkTextOptions): Chunk[] {
	const {maxTokens, overlapTokens, countTokens, pageStarts} = _resolveOptions(options);
	const blocks = segmentBlocks(text);
	const ranges = packUnits(text, blocks, {countTokens, maxTokens, overlapTokens});
	const sectionStarts = _findSectionStarts(blocks);
	return ranges.map((range, index): Chunk => {
		const previous = ranges[index - 1];
		const {start, tokens} = previous === undefined || overlapTokens === 0 || !range.takesOverlap
			? range
			: _addOverlap(text, range, Math.max(previous.start, sectionStarts[range.block]!), {maxTokens, overlapTokens, countTokens});
		return {
			index,
			text: text.slice(start, range.end),
			tokens,
			start,
			end: range.end,
			pages: pageStarts === undefined ? null : [findPageOfOffset(pageStarts, start), findPageOfOffset(pageStarts, range.end - 1)],
			headings: [...blocks[range.block]!.headings],
		};
	});
}

interface _ResolvedOptions {
	maxTokens: number;
	overlapTokens: number;
	countTokens: (text: string) => number;
	pageStarts: readonly number[] | undefined;
}

function _resolveOptions(options: ChunkTextOptions): _ResolvedOptions {
	const {maxTokens, overlapTokens = 0, countTokens, pageStarts} = options;
	if (!Number.isSafeInteger(maxTokens) || maxTokens < _minMaxTokens) {
		throw new TypeError(`Expected \`maxTokens\` to be an integer of at least ${_minMaxTokens}, got \`${maxTokens}\``);
	}
	if (!Number.isSafeInteger(overlapTokens) || overlapTokens < 0 || overlapTokens > maxTokens / 2) {
		throw new TypeError(`Expected \`overlapTokens\` to be an integer from 0 to half of maxTokens (${Math.floor(maxTokens / 2)}), got \`${overlapTokens}\``);
	}
	if (typeof countTokens !== 'function') {
		throw new TypeError(`Expected \`countTokens\` to be a function, got \`${typeof countTokens}\``);
	}
	if (pageStarts !== undefined && pageStarts.some((start, index) => !Number.isSafeInteger(start) || start < 0 || start < (pageStarts[index - 1] ?? 0))) {
		throw new TypeError('Expected `pageStarts` to be ascending non-negative integer offsets');
	}
	return {maxTokens, overlapTokens, countTokens, pageStarts};
}

/**
 * Extends a packed range back over the tail of the previous chunk (not before `from`), within
 * `overlapTokens`; if the whole is then over `maxTokens` (counts do not add exactly), the overlap is
 * chosen again within what is left, and dropped if that fails too.
 */
function _addOverlap(
	text: string, range: PackedRange, from: number, {maxTokens, overlapTokens, countTokens}: Omit<_ResolvedOptions, 'pageStarts'>,
): {start: number; tokens: number} {
	const charsPerToken = (range.end - range.start) / Math.max(1, range.tokens);
	let budget = overlapTokens;
	for (let attempt = 0; attempt < 2 && budget > 0; attempt++) {
		const start = selectOverlapStart(text, from, range.start, {overlapTokens: budget, countTokens, charsPerToken});
		if (start >= range.start) break;
		const tokens = countTokens(text.slice(start, range.end));
		if (tokens <= maxTokens) return {start, tokens};
		budget -= tokens - maxTokens;
	}
	return range;
}

/** For each block, where its section begins: the start of the last heading at or before it, else 0. */
function _findSectionStarts(blocks: readonly Block[]): number[] {
	let sectionStart = 0;
	return blocks.map(block => {
		if (block.level > 0) sectionStart = block.start;
		return sectionStart;
	});
}
