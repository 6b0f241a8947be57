import {findLongestFit} from './findLongestFit.js';
import {isTableRow} from './isTableRow.js';
import {splitSentences} from '../text/splitSentences.js';

/**
 * A piece of text the packer places whole: `[start, end)` is trimmed, `[lead, end)` adds the
 * whitespace before it, and `tokens` counts `[lead, end)` (for leaf pieces exactly `[start, end)`).
 */
export interface Unit {
	lead: number;
	start: number;
	end: number;
	tokens: number;
	/** 0 a block (paragraph or heading line), 1 a sentence, 2 a line, 3 a piece cut at words or characters. */
	depth: number;
	/** Index of the block the unit belongs to. */
	block: number;
}

export interface SplitUnitOptions {
	countTokens: (text: string) => number;
	/** Most tokens a leaf piece may have. */
	budget: number;
	/**
	 * Whether the unit must be split (it is over budget): when sentences and lines do not divide it, it
	 * is cut at words, and a word longer than the budget at characters. Otherwise only sentences and
	 * lines are tried.
	 */
	force: boolean;
}

interface _Range {
	start: number;
	end: number;
}

const _whitespace = /\s/u;
const _mark = /\p{M}/u;
const _zeroWidthJoiner = 0x200d;

/**
 * Splits a unit into the next finer units that divide it: sentences (by the one splitter,
 * {@link splitSentences}; a table, two or more rows in a row, counts as one sentence and is split
 * into its rows next, never at a full stop inside a cell), then lines, then (when forced)
 * leaf pieces cut at word boundaries, or at characters inside a word longer than the budget. Each
 * new unit is counted once. Returns undefined when the unit cannot be divided without forcing.
 */
export function splitUnit(text: string, unit: Unit, options: SplitUnitOptions): Unit[] | undefined {
	if (unit.depth < 1) {
		const sentences = _splitSentencesAndTables(text, unit.start, unit.end);
		if (sentences.length > 1) return _countRanges(text, unit, sentences, 1, options.countTokens);
	}
	if (unit.depth < 2) {
		const lines = _splitLines(text, unit.start, unit.end);
		if (lines.length > 1) return _countRanges(text, unit, lines, 2, options.countTokens);
	}
	if (!options.force) return undefined;
	return _cutPieces(text, unit, options);
}

function _countRanges(text: string, parent: Unit, ranges: _Range[], depth: number, countTokens: (text: string) => number): Unit[] {
	let lead = parent.lead;
	return ranges.map(range => {
		const unit = {lead, start: range.start, end: range.end, tokens: countTokens(text.slice(lead, range.end)), depth, block: parent.block};
		lead = range.end;
		return unit;
	});
}

/**
 * The sentences of `text[start, end)`, except that each run of two or more table rows
 * ({@link isTableRow}) is one range of its own.
 */
function _splitSentencesAndTables(text: string, start: number, end: number): _Range[] {
	const ranges: _Range[] = [];
	let prose = start;
	let table: _Range | undefined;
	const flushTable = () => {
		if (table === undefined) return;
		if (table.start < table.end && text.lastIndexOf('\n', table.end - 1) >= table.start) {
			if (prose < table.start) ranges.push(...splitSentences(text, prose, table.start));
			ranges.push(table);
			prose = table.end;
		}
		table = undefined;
	};
	for (const line of _splitLines(text, start, end)) {
		if (!isTableRow(text.slice(line.start, line.end))) flushTable();
		else if (table === undefined) table = {...line};
		else table.end = line.end;
	}
	flushTable();
	if (prose < end) ranges.push(...splitSentences(text, prose, end));
	return ranges;
}

function _splitLines(text: string, start: number, end: number): _Range[] {
	const ranges: _Range[] = [];
	let from = start;
	while (from < end) {
		let to = text.indexOf('\n', from);
		if (to === -1 || to > end) to = end;
		const lineStart = _skipWhitespace(text, from, to);
		const lineEnd = _trimEndPosition(text, lineStart, to);
		if (lineEnd > lineStart) ranges.push({start: lineStart, end: lineEnd});
		from = to + 1;
	}
	return ranges;
}

/**
 * Cuts a unit into leaf pieces of at most `budget` tokens, each as long as the search finds, counting
 * each piece exactly. Word starts are the cut positions; a word longer than the budget is cut between
 * characters: between grapheme-like clusters if they fit, else between code points (never inside a
 * surrogate pair).
 */
function _cutPieces(text: string, unit: Unit, {countTokens, budget}: SplitUnitOptions): Unit[] {
	const wordStarts = _findWordStarts(text, unit.start, unit.end);
	const charsPerToken = (unit.end - unit.start) / Math.max(1, unit.tokens);
	const pieces: Unit[] = [];
	let lead = unit.lead;
	let from = unit.start;
	let next = 0;
	while (from < unit.end) {
		while (next < wordStarts.length && wordStarts[next]! <= from) next++;
		const search = {from, budget, charsPerToken, countTokens, limit: from + Math.ceil(4 * budget * charsPerToken) + 256};
		let fit = _fitCut(text, wordStarts, next, search);
		if (fit === undefined) {
			const wordEnd = Math.min(_trimEndPosition(text, from, wordStarts[next] ?? unit.end), search.limit);
			fit = _fitCut(text, _findCharStarts(text, from, wordEnd, true), 0, search) ?? _fitCut(text, _findCharStarts(text, from, wordEnd, false), 0, search);
			if (fit === undefined) {
				throw new RangeError(`chunkText: one character at offset ${from} is more than maxTokens (${budget}) tokens; raise maxTokens`);
			}
		}
		pieces.push({lead, start: from, end: fit.end, tokens: fit.tokens, depth: 3, block: unit.block});
		lead = fit.end;
		from = _skipWhitespace(text, fit.end, unit.end);
	}
	return pieces;
}

interface _CutSearch {
	from: number;
	budget: number;
	charsPerToken: number;
	countTokens: (text: string) => number;
	/**
	 * Farthest cut considered: four times the length the unit's rate predicts for the budget. It keeps
	 * cutting a huge line or word linear; a word longer than that is cut at characters.
	 */
	limit: number;
}

/** The longest piece `[from, cut)` (trimmed) within budget, among the sorted cut positions from index `first`. */
function _fitCut(text: string, cuts: readonly number[], first: number, {from, budget, charsPerToken, countTokens, limit}: _CutSearch): {end: number; tokens: number} | undefined {
	const ends: number[] = [];
	for (let index = first; index < cuts.length && cuts[index]! <= limit; index++) ends.push(_trimEndPosition(text, from, cuts[index]!));
	const fit = findLongestFit(ends.map(end => end - from), budget, charsPerToken, index => countTokens(text.slice(from, ends[index]!)));
	return fit === undefined ? undefined : {end: ends[fit.index]!, tokens: fit.tokens};
}

/** Starts of the words after `start`, then `end`: the positions a piece may be cut before. */
function _findWordStarts(text: string, start: number, end: number): number[] {
	const starts: number[] = [];
	for (let index = start + 1; index < end; index++) {
		if (!_isWhitespace(text, index) && _isWhitespace(text, index - 1)) starts.push(index);
	}
	starts.push(end);
	return starts;
}

/**
 * Positions in (start, end] where a word may be cut: between characters, never inside a surrogate
 * pair, and with `keepClusters` never before a combining mark or around a zero-width joiner either.
 */
function _findCharStarts(text: string, start: number, end: number, keepClusters: boolean): number[] {
	const starts: number[] = [];
	for (let index = start + 1; index <= end; index++) {
		const code = text.charCodeAt(index);
		if (code >= 0xdc00 && code <= 0xdfff) continue;
		if (keepClusters && (_isJoining(code, text[index] ?? '') || text.charCodeAt(index - 1) === _zeroWidthJoiner)) continue;
		starts.push(index);
	}
	return starts;
}

/** Whether a character joins the one before it: a combining mark, joiner or variation selector. */
function _isJoining(code: number, char: string): boolean {
	return code === 0x200c || code === _zeroWidthJoiner || (code >= 0xfe00 && code <= 0xfe0f) || _mark.test(char);
}

function _isWhitespace(text: string, index: number): boolean {
	return _whitespace.test(text[index]!);
}

function _skipWhitespace(text: string, from: number, end = text.length): number {
	let index = from;
	while (index < end && _isWhitespace(text, index)) index++;
	return index;
}

function _trimEndPosition(text: string, start: number, end: number): number {
	let index = end;
	while (index > start && _isWhitespace(text, index - 1)) index--;
	return index;
}
