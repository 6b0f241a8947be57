/**
 * A date as written in a text, as the ISO forms it may stand for: `YYYY-MM-DD` for a full date,
 * `YYYY-MM` for a month of a year, `--MM-DD` for a day without a year. A numeric date whose day and
 * month could be swapped ("03/04/2024") stands for both.
 */
export interface DateMention {
	start: number;
	end: number;
	candidates: string[];
}

const _months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const _monthName = String.raw`(?<month>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?)`;
const _day = String.raw`(?<day>\d{1,2})(?:st|nd|rd|th)?`;
const _year = String.raw`(?<year>\d{4})\b`;

/** Date forms, most specific first; a later form never takes text an earlier one matched. */
const _forms: Array<{pattern: RegExp; order?: 'dmy'}> = [
	{pattern: /\b(?<year>\d{4})([-/.])(?<month>\d{1,2})\2(?<day>\d{1,2})\b/gu},
	{pattern: /\b(?<first>\d{1,2})(?<separator>[-/.])(?<second>\d{1,2})\k<separator>(?<year>\d{4}|\d{2})\b(?![-/.]\d)/gu, order: 'dmy'},
	{pattern: new RegExp(String.raw`\b${_day}(?:\s+of)?[\s-]+${_monthName},?[\s-]+${_year}`, 'giu')},
	{pattern: new RegExp(String.raw`\b${_monthName}\s+${_day},?\s+${_year}`, 'giu')},
	{pattern: new RegExp(String.raw`\b${_monthName},?\s+${_year}`, 'giu')},
	{pattern: /\b(?<year>\d{4})-(?<month>\d{2})\b(?![-/]\d)/gu},
	{pattern: new RegExp(String.raw`\b${_day}(?:\s+of)?\s+${_monthName}`, 'giu')},
	{pattern: new RegExp(String.raw`\b${_monthName}\s+${_day}\b`, 'giu')},
];

/**
 * Every date in `text`, in the common forms: ISO ("2024-03-03"), day-month-year with the month
 * named ("3 March 2024", "3rd of Mar. 2024"), month-day-year ("March 3, 2024"), numeric dates
 * ("03/03/2024", "3.3.24": day first with dots; with slashes or dashes both readings unless one
 * part is over 12), a month of a year ("March 2024", "2024-03") and a day without a year
 * ("3 March"). Month names count only when capitalized ("may" is a verb). A year alone is a number.
 */
export function parseDates(text: string): DateMention[] {
	const mentions: DateMention[] = [];
	// Characters already part of a date.
	const taken = new Uint8Array(text.length);
	for (const form of _forms) {
		for (const match of text.matchAll(form.pattern)) {
			const start = match.index;
			const end = start + match[0].length;
			if (taken.subarray(start, end).includes(1)) continue;
			const candidates = _candidatesOf(match.groups!, form.order);
			if (candidates.length === 0) continue;
			taken.fill(1, start, end);
			mentions.push({start, end, candidates});
		}
	}
	return mentions.sort((left, right) => left.start - right.start);
}

function _candidatesOf(groups: Record<string, string | undefined>, order: 'dmy' | undefined): string[] {
	const year = groups.year === undefined ? undefined : _fullYear(groups.year);
	if (order === 'dmy') {
		const first = Number(groups.first);
		const second = Number(groups.second);
		const readings = groups.separator === '.' || first === second ? [[second, first]] : [[second, first], [first, second]];
		return readings.flatMap(([month, day]) => _format(year, month!, day!));
	}
	const month = /^\d/u.test(groups.month ?? '') ? Number(groups.month) : _monthNumber(groups.month);
	if (month === undefined) return [];
	return _format(year, month, groups.day === undefined ? undefined : Number(groups.day));
}

/** A month name's number, or undefined when it is not capitalized (a lower-case "may" or "march" is a word). */
function _monthNumber(name: string | undefined): number | undefined {
	if (name === undefined || !/^\p{Lu}/u.test(name)) return undefined;
	return _months.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function _fullYear(year: string): number {
	const value = Number(year);
	if (year.length !== 2) return value;
	return value < 50 ? 2000 + value : 1900 + value;
}

function _format(year: number | undefined, month: number, day: number | undefined): string[] {
	if (month < 1 || month > 12) return [];
	const mm = String(month).padStart(2, '0');
	if (day === undefined) return year === undefined ? [] : [`${year}-${mm}`];
	// 2000 is a leap year: 29 February is valid when the year is unknown.
	const check = new Date(Date.UTC(year ?? 2000, month - 1, day));
	if (day < 1 || check.getUTCMonth() !== month - 1) return [];
	const dd = String(day).padStart(2, '0');
	return [year === undefined ? `--${mm}-${dd}` : `${year}-${mm}-${dd}`];
}
