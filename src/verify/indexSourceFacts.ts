import {parseDates} from './parseDates.js';
import {parseNumbers, type NumberTag} from './parseNumbers.js';

/** The numbers, dates and lower-case words of a source, indexed for the fact check. */
export interface SourceFacts {
	/** Every number's value, ascending, with `numberTags[i]` saying what `numberValues[i]` counts. */
	numberValues: Float64Array;
	numberTags: NumberTag[];
	/** ISO forms of its dates: full dates, months of a year (also those of full dates), days of a month (also those of full dates). */
	fullDates: Set<string>;
	yearMonths: Set<string>;
	monthDays: Set<string>;
	/** Days written without a year ("3 March"), as `--MM-DD`. */
	yearlessDays: Set<string>;
	/** Words the source writes in lower case (lower-cased and folded): a capitalized word of these is not a name. */
	lowerCaseWords: Set<string>;
}

const _numberWords = new Map<string, number>(Object.entries({
	zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
	thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
	fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12, first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
	sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, half: 50, quarter: 25, twice: 2, double: 2, triple: 3,
}));

/**
 * Parses every number and date of a source once (the same parsers read the summary, so "3 March
 * 2024" in one meets "2024-03-03" in the other), and number words ("three", "a quarter" as 25 %,
 * "half" as 50 %) as plain numbers a summary may write in digits.
 */
export function indexSourceFacts(text: string): SourceFacts {
	const numbers: Array<{value: number; tag: NumberTag}> = parseNumbers(text).map(({value, tag}) => ({value, tag}));
	const lowerCaseWords = new Set<string>();
	for (const [word] of text.matchAll(/(?<![\p{L}\p{N}])\p{L}+/gu)) {
		const first = word.charCodeAt(0);
		const isLowerCase = first >= 97 && first <= 122 ? true : first < 128 ? false : word[0] !== word[0]!.toUpperCase();
		if (isLowerCase) {
			const lower = /^[a-z]+$/u.test(word) ? word : word.toLowerCase().normalize('NFKD').replaceAll(/\p{M}/gu, '');
			lowerCaseWords.add(lower);
		}
		if (word.length <= 9) {
			const number = _numberWords.get(isLowerCase ? word : word.toLowerCase());
			if (number !== undefined) numbers.push({value: number, tag: 'plain'});
		}
	}
	numbers.sort((left, right) => left.value - right.value);
	const facts: SourceFacts = {
		numberValues: Float64Array.from(numbers, number => number.value), numberTags: numbers.map(number => number.tag),
		fullDates: new Set(), yearMonths: new Set(), monthDays: new Set(), yearlessDays: new Set(), lowerCaseWords,
	};
	for (const {candidates} of parseDates(text)) {
		for (const date of candidates) {
			if (date.startsWith('--')) {
				facts.yearlessDays.add(date);
				facts.monthDays.add(date);
			} else if (date.length === 7) {
				facts.yearMonths.add(date);
			} else {
				facts.fullDates.add(date);
				facts.yearMonths.add(date.slice(0, 7));
				facts.monthDays.add(`--${date.slice(5)}`);
			}
		}
	}
	return facts;
}
