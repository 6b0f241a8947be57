/**
 * What a number is of: a plain count, a percentage, an amount in an ISO 4217 currency, or in a
 * currency family when the sign or word does not say which ("$", "pesos": see currencyFamilies).
 */
export type NumberTag = 'plain' | 'percent' | string;

/** Currencies a sign or word may stand for: "$4m" may be US, Canadian or Australian dollars. */
export const currencyFamilies: Readonly<Record<string, readonly string[]>> = {
	dollar: ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD'],
	peso: ['MXN', 'PHP', 'ARS', 'CLP', 'COP'],
	yen: ['JPY', 'CNY'],
	krona: ['SEK', 'NOK', 'DKK', 'ISK'],
	rupee: ['INR', 'PKR', 'LKR'],
};

/** A number as written in a text, with its value (scale words applied) and how precisely it was written. */
export interface NumberMention {
	start: number;
	end: number;
	/** Absolute value, with scale words applied ("4.2 million" is 4200000). */
	value: number;
	tag: NumberTag;
	/** Half a unit of the last digit written, scaled ("4.2 million": 50000); 0 for an exact integer. */
	tolerance: number;
}

const _prefixCurrencies: Record<string, string> = {
	'$': 'dollar', 'us$': 'USD', 'a$': 'AUD', 'au$': 'AUD', 'c$': 'CAD', 'ca$': 'CAD', 'hk$': 'HKD', 'nz$': 'NZD', 's$': 'SGD', 'r$': 'BRL',
	'€': 'EUR', '£': 'GBP', '¥': 'yen', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS', 'fr.': 'CHF', 'rs.': 'INR',
};
const _currencyWords: Record<string, string> = {
	dollar: 'dollar', dollars: 'dollar', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', yen: 'JPY', yuan: 'CNY',
	renminbi: 'CNY', rupee: 'rupee', rupees: 'rupee', franc: 'CHF', francs: 'CHF', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB',
	rubles: 'RUB', krona: 'krona', kronor: 'SEK', krone: 'krona', kroner: 'krona', reais: 'BRL', peso: 'peso', pesos: 'peso',
};
const _codes = 'USD|EUR|GBP|JPY|CHF|CNY|RMB|INR|AUD|CAD|SEK|NOK|DKK|ISK|PLN|CZK|HUF|BRL|MXN|ARS|CLP|COP|PHP|PKR|LKR|ZAR|KRW|SGD|HKD|NZD|RUB|TRY|ILS|AED|SAR|NGN|KES|EGP';
const _scales: Record<string, number> = {
	hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, millions: 1e6, mn: 1e6, mln: 1e6, m: 1e6, billion: 1e9, billions: 1e9, bn: 1e9,
	bln: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, trn: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
};

const _prefix = String.raw`(?<prefix>(?:US|AU?|CA?|HK|NZ|S|R)\$|[$€£¥₹₩₽₺₪]|\b(?:${_codes})\b|\b(?:Fr|Rs)\.)`;
/** 1,234,567.89 | 1 234 567 (narrow or no-break spaces) | 1.234.567 (dots, two groups or more) | 1234.5 | .5 */
const _digits = String.raw`(?<digits>\d{1,3}(?:[,\u00a0\u202f\u2009'’]\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?![.\d])|\d+(?:\.\d+)?|\.\d+)`;
const _scale = String.raw`(?:[\s\u00a0]?(?<scale>hundred|thousand|millions?|billions?|trillion|lakhs?|crores?|mn|mln|bn|bln|tn|trn)\b|(?<short>[kKmMbB])\b)`;
const _percent = String.raw`(?:\s?(?<percent>%|per\s?cent\b|percent\b|pct\b))`;
const _suffix = String.raw`(?:\s(?<suffix>${_codes}|(?:${Object.keys(_currencyWords).join('|')}))\b)`;
const _number = new RegExp(String.raw`(?:${_prefix}\s?|(?<![\p{L}\p{N}_.,]|\p{N}[.,]))${_digits}(?:st|nd|rd|th)?${_scale}?${_percent}?${_suffix}?`, 'gu');

/**
 * Every number in `text`, with its value and what it counts: digits with thousands separators
 * (comma, no-break or narrow space, apostrophe; or dots when there are two groups or more),
 * decimals, percentages ("12%", "12 per cent"), money ("$4.2m", "EUR 5", "4.2 million dollars",
 * "₹3 crore") and scale words ("1.5bn", "4.2 million" = 4200000). Signs are dropped: values are
 * compared as magnitudes. A one-letter scale ("5m") counts only after a currency, since "5m" alone
 * is often metres.
 */
export function parseNumbers(text: string): NumberMention[] {
	const mentions: NumberMention[] = [];
	for (const match of text.matchAll(_number)) {
		const groups = match.groups!;
		const digits = groups.digits!;
		const currency = _currencyOf(groups.prefix, groups.suffix);
		const word = groups.scale?.toLowerCase() ?? (currency === undefined ? undefined : groups.short?.toLowerCase());
		const scale = word === undefined ? 1 : _scales[word]!;
		const plain = _parseDigits(digits);
		const decimals = /\.(\d+)$/u.exec(plain)?.[1]?.length ?? 0;
		const value = Number(plain) * scale;
		if (!Number.isFinite(value)) continue;
		// A one-letter scale that does not count ("5m" without a currency) is not part of the number.
		const ignoredLetter = groups.short !== undefined && word === undefined && groups.percent === undefined && groups.suffix === undefined ? 1 : 0;
		mentions.push({
			start: match.index,
			end: match.index + match[0].length - ignoredLetter,
			value,
			tag: groups.percent === undefined ? currency ?? 'plain' : 'percent',
			tolerance: decimals > 0 || scale > 1 ? 0.5 * 10 ** -decimals * scale : 0,
		});
	}
	return mentions;
}

function _currencyOf(prefix: string | undefined, suffix: string | undefined): string | undefined {
	const mark = prefix?.toLowerCase();
	if (mark !== undefined) return _prefixCurrencies[mark] ?? (mark.toUpperCase() === 'RMB' ? 'CNY' : mark.toUpperCase());
	if (suffix === undefined) return undefined;
	return _currencyWords[suffix.toLowerCase()] ?? (suffix === 'RMB' ? 'CNY' : suffix);
}

/** Digits without thousands separators, in JavaScript's number syntax. */
function _parseDigits(digits: string): string {
	if (/^\d{1,3}(?:\.\d{3}){2,}$/u.test(digits)) return digits.replaceAll('.', '');
	return digits.replaceAll(/[,\u00a0\u202f\u2009'’]/gu, '');
}
