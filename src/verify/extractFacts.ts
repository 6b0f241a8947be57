import {parseDates} from './parseDates.js';
import {parseNumbers, type NumberTag} from './parseNumbers.js';

/** A fact found in a statement, with what the check compares. */
export type Fact =
	| {kind: 'number'; text: string; value: number; tag: NumberTag; tolerance: number}
	| {kind: 'date'; text: string; candidates: string[]}
	| {kind: 'name' | 'quote'; text: string};

interface _Span {
	start: number;
	end: number;
}

const _quotes = /"(?<a>[^"\n]{2,400})"|“(?<b>[^”]{2,400})”|‘(?<c>[^’]{2,400})’(?!\p{L})|«(?<d>[^»]{2,400})»|„(?<e>[^“”]{2,400})[“”]/gu;
/** A capitalized word of a Latin script ("Smith", "McKinsey", "Jean-Luc", "O'Neil", "COVID-19", "G7"), or a dotted acronym ("U.S."). */
const _nameWord = /(?<![\p{L}\p{N}])(?:(?:(?=\p{sc=Latin})\p{Lu}\.){2,}|(?=\p{sc=Latin})\p{Lu}[\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{N}]+)*)/gu;
/** Lower-case words that may join the words of one name ("Bank of England", "Ludwig van Beethoven"). */
const _nameJoiners = /^ (?:of|for|de|del|della|des|van|von|der|den|du|da|di|la|le|al|bin|ibn|y|the|on) $/u;

/**
 * Words that start a sentence or label a summary's parts without being names; also words that are
 * capitalized only by convention (weekdays, months: dates are checked as dates).
 */
const _notNames = new Set(`the a an this that these those it its in on at by for from to of and but or as with after before during
while when where which what who how why there here he she they we i you his her their our your my overall however additionally
furthermore moreover also finally first second third firstly secondly lastly next then meanwhile further besides in-addition
notably importantly specifically generally overall key main summary summaries title overview conclusion conclusions introduction
background points point highlights findings recommendations note notes both each all some many most several other another such
no not yes today yesterday tomorrow despite although though because since unlike like according based given following
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec km kg mw gw kw tw kwh mwh gwh twh mb gb tb hz khz mhz ghz`.split(/\s+/u));

/**
 * The facts a reader acts on in one statement: quoted strings, dates, numbers (money, percentages,
 * scaled amounts) and proper names or acronyms. A date's digits are not also numbers, a quote's
 * words are not also names; a capitalized common word that starts the sentence is not a name.
 * `isCommonWord` tells whether a word (lower-cased) is an ordinary word of the source.
 */
export function extractFacts(statement: string, isCommonWord: (word: string) => boolean): Fact[] {
	const facts: Fact[] = [];
	const taken: _Span[] = [];
	for (const match of statement.matchAll(_quotes)) {
		const inner = Object.values(match.groups!).find(group => group !== undefined)!.trim();
		if (!/[\p{L}\p{N}]/u.test(inner)) continue;
		facts.push({kind: 'quote', text: inner});
		taken.push({start: match.index, end: match.index + match[0].length});
	}
	for (const date of parseDates(statement)) {
		if (_overlaps(taken, date)) continue;
		facts.push({kind: 'date', text: statement.slice(date.start, date.end), candidates: date.candidates});
		taken.push(date);
	}
	const names = _findNames(statement, isCommonWord).filter(name => !_overlaps(taken, name));
	for (const number of parseNumbers(statement)) {
		// A number inside a name ("COVID-19") is checked with the name.
		if (_overlaps(taken, number) || names.some(name => name.start <= number.start && number.end <= name.end)) continue;
		facts.push({kind: 'number', text: statement.slice(number.start, number.end), value: number.value, tag: number.tag, tolerance: number.tolerance});
		taken.push(number);
	}
	for (const name of names) {
		// A currency code ("EUR 5") is checked with its amount.
		if (!_overlaps(taken, name)) facts.push({kind: 'name', text: statement.slice(name.start, name.end)});
	}
	return facts;
}

/** Runs of capitalized words, joined by single spaces or a joining word, less sentence-opening common words. */
function _findNames(statement: string, isCommonWord: (word: string) => boolean): _Span[] {
	const names: _Span[] = [];
	let current: Array<_Span & {word: string}> = [];
	const close = (): void => {
		const words = current.filter((word, index) => index > 0 || !_isCommonOpener(statement, word, isCommonWord));
		current = [];
		const first = words[0];
		const last = words.at(-1);
		if (first === undefined || last === undefined) return;
		if (words.length === 1 && (_notNames.has(first.word.toLowerCase()) || first.word.length === 1 || _isSentenceOpener(statement, first))) return;
		const end = /['’]s$/u.test(last.word) ? last.end - 2 : last.end;
		names.push({start: first.start, end});
	};
	for (const match of statement.matchAll(_nameWord)) {
		const word = {start: match.index, end: match.index + match[0].length, word: match[0]};
		const previous = current.at(-1);
		const gap = previous === undefined ? '' : statement.slice(previous.end, word.start);
		if (previous !== undefined && gap !== ' ' && !_nameJoiners.test(gap)) close();
		current.push(word);
	}
	close();
	return names;
}

/** Whether a capitalized word starts a sentence or clause and is an ordinary word there, not a name. */
function _isCommonOpener(statement: string, word: _Span & {word: string}, isCommonWord: (word: string) => boolean): boolean {
	if (!_startsSentence(statement, word)) return false;
	const lower = word.word.toLowerCase();
	return _notNames.has(lower) || /^\p{Lu}\p{Ll}+ly$/u.test(word.word) || (word.word !== word.word.toUpperCase() && isCommonWord(lower));
}

/**
 * Whether a lone capitalized word opens the sentence: capitalized by position, so taken as a name
 * only when it is an acronym or possessive ("NATO", "Smith's"). A name of one word at the start of
 * a sentence goes unchecked; names of two words or more are checked wherever they stand.
 */
function _isSentenceOpener(statement: string, word: _Span & {word: string}): boolean {
	return _startsSentence(statement, word) && word.word !== word.word.toUpperCase() && !/['’]s$/u.test(word.word);
}

function _startsSentence(statement: string, word: _Span): boolean {
	return /(?:^|[.:;!?]\s+|^[\s"“‘'(*•-]+)$/u.test(statement.slice(0, word.start));
}

function _overlaps(spans: readonly _Span[], span: _Span): boolean {
	return spans.some(other => span.start < other.end && span.end > other.start);
}
