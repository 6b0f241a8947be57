import {normalizeForMatch} from '../text/normalizeForMatch.js';
import type {Fact} from './extractFacts.js';
import type {SourceIndex} from './indexSource.js';
import type {SourceFacts} from './indexSourceFacts.js';
import {currencyFamilies} from './parseNumbers.js';

/** How far apart (normalized characters) the words of a name may stand in the source when not written as one phrase. */
const _nameWordsWithin = 100;
/** Most occurrences of a word looked at; more only happen for words too common to be names. */
const _maxOccurrences = 5000;
const _honorifics = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'president', 'ceo', 'minister', 'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'senator', 'governor', 'mayor', 'chairman', 'chairwoman', 'director', 'judge', 'justice', 'general', 'st', 'saint']);
const _nameJoiners = new Set(['of', 'for', 'de', 'del', 'della', 'des', 'van', 'von', 'der', 'den', 'du', 'da', 'di', 'la', 'le', 'al', 'bin', 'ibn', 'y', 'the', 'on']);

/**
 * Whether the source contains a fact: a number of the same value (within the precision it was
 * written with; a percentage only as a percentage, money in the same currency or as a plain
 * number), a date that one of its readings names, a name as a phrase (or its words close together,
 * honorifics aside), or a quote's every part (split at ellipses), all after normalization.
 */
export function isFactSupported(fact: Fact, index: SourceIndex): boolean {
	switch (fact.kind) {
		case 'number': return _hasNumber(index.facts, fact.value, fact.tolerance, fact.tag);
		case 'date': return fact.candidates.some(date => _hasDate(index.facts, date));
		case 'name': return _hasName(index, fact.text);
		case 'quote': return fact.text.split(/\.{3}|…|\[\.*\]/u).every(part => _hasQuotePart(index, part));
	}
}

function _hasNumber(facts: SourceFacts, value: number, tolerance: number, tag: string): boolean {
	const slack = tolerance + 1e-9 * Math.max(1, value);
	const values = facts.numberValues;
	let low = 0;
	let high = values.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (values[middle]! < value - slack) low = middle + 1;
		else high = middle;
	}
	for (let at = low; at < values.length && values[at]! <= value + slack; at++) {
		const found = facts.numberTags[at]!;
		if (tag === 'plain' || found === tag || (tag !== 'percent' && found === 'plain') || _isSameCurrency(tag, found)) return true;
	}
	return false;
}

function _isSameCurrency(left: string, right: string): boolean {
	return currencyFamilies[left]?.includes(right) === true || currencyFamilies[right]?.includes(left) === true;
}

function _hasDate(facts: SourceFacts, date: string): boolean {
	if (date.startsWith('--')) return facts.monthDays.has(date);
	if (date.length === 7) return facts.yearMonths.has(date);
	if (facts.fullDates.has(date)) return true;
	// "3 March" in the source and 2024 elsewhere in it: the year may be given once for many days.
	return facts.yearlessDays.has(`--${date.slice(5)}`) && _hasNumber(facts, Number(date.slice(0, 4)), 0, 'plain');
}

function _hasName(index: SourceIndex, name: string): boolean {
	const phrase = normalizeForMatch(name).text;
	if (_occurrences(index.normalized.text, phrase).length > 0) return true;
	if (/^\p{Lu}{2,6}s?$/u.test(name)) return _hasAcronym(index, name.replace(/s$/u, ''));
	const words = phrase.split(/[\s.]+/u).map(word => word.replace(/'s$/u, '')).filter(word => word !== '' && !_honorifics.has(word) && !_nameJoiners.has(word));
	if (words.length === 0) return true;
	// "United Kingdom" where the source writes "UK".
	if (words.length >= 2 && words.length <= 6 && _occurrences(index.normalized.text, words.map(word => word[0]).join('')).length > 0) return true;
	if (words.length === 1) return _occurrences(index.normalized.text, words[0]!).length > 0 || _hasCapitalizedWordStartingWith(index, words[0]!);
	const places = words.map(word => _occurrences(index.normalized.text, word));
	const rarest = places.reduce((best, next) => (next.length < best.length ? next : best));
	return rarest.some(anchor => places.every(list => list.some(at => Math.abs(at - anchor) <= _nameWordsWithin)));
}

/**
 * An acronym the source writes with dots ("U.S." for "US") or spells out: capitalized words whose
 * initials give it, joining words aside ("FDA": "Food and Drug Administration").
 */
function _hasAcronym(index: SourceIndex, acronym: string): boolean {
	const letters = [...acronym.toLowerCase()];
	if (_occurrences(index.normalized.text, letters.join('.') + '.').length > 0 || index.normalized.text.includes(` ${letters.join('.')}.`)) return true;
	const joiners = String.raw`(?:(?:and|of|the|for|on|de|des|du|la|le|&)\s+)*`;
	const spelled = new RegExp(String.raw`(?<![\p{L}\p{N}])${[...acronym].map(letter => letter + String.raw`[\p{L}\p{M}'’-]*`).join(String.raw`\s+${joiners}`)}(?![\p{L}\p{N}])`, 'u');
	return spelled.test(index.text);
}

/** A name written in the source with a short ending added ("German" of "Germany", "Europe" of "European"), capitalized there too. */
function _hasCapitalizedWordStartingWith(index: SourceIndex, word: string): boolean {
	if (word.length < 4) return false;
	const text = index.normalized.text;
	for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
		if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)) continue;
		const rest = /^[\p{L}]*/u.exec(text.slice(at + word.length, at + word.length + 5))![0];
		const original = index.text[index.normalized.offsets[at]!] ?? '';
		if (rest.length <= 3 && /\p{Lu}/u.test(original)) return true;
	}
	return false;
}

function _hasQuotePart(index: SourceIndex, part: string): boolean {
	const normalized = normalizeForMatch(part).text.replace(/^[\s.,;:!?'"]+|[\s.,;:!?'"]+$/gu, '');
	return normalized === '' || index.normalized.text.includes(normalized);
}

/** Where `word` occurs in `text` as whole words (not inside a longer word). */
function _occurrences(text: string, word: string): number[] {
	const found: number[] = [];
	if (word === '') return found;
	for (let at = text.indexOf(word); at !== -1 && found.length < _maxOccurrences; at = text.indexOf(word, at + 1)) {
		const before = at === 0 ? '' : text[at - 1]!;
		const after = text[at + word.length] ?? '';
		if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) found.push(at);
	}
	return found;
}
