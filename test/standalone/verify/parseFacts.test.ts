import test from 'ava';
import {parseDates} from '../../../src/verify/parseDates.js';
import {parseNumbers} from '../../../src/verify/parseNumbers.js';

const _numbers = (text: string): Array<[string, number, string]> => parseNumbers(text).map(number => [text.slice(number.start, number.end), number.value, number.tag]);
const _dates = (text: string): Array<[string, string[]]> => parseDates(text).map(date => [text.slice(date.start, date.end), date.candidates]);

test('numbers: separators, decimals, scale words and percentages become values', t => {
	t.deepEqual(_numbers('4,200,000 and 4.2 million and 1.5bn; 12% or 12 per cent; 1.234.567; 3rd'), [
		['4,200,000', 4_200_000, 'plain'], ['4.2 million', 4_200_000, 'plain'], ['1.5bn', 1_500_000_000, 'plain'],
		['12%', 12, 'percent'], ['12 per cent', 12, 'percent'], ['1.234.567', 1_234_567, 'plain'], ['3rd', 3, 'plain'],
	]);
});

test('money: signs, codes and words give the currency; a one-letter scale counts only after a currency', t => {
	t.deepEqual(_numbers('€3.4bn, US$ 12.50, GBP 5m, 2.3 billion pesos, ₹3 crore, a 5m wall'), [
		['€3.4bn', 3_400_000_000, 'EUR'], ['US$ 12.50', 12.5, 'USD'], ['GBP 5m', 5_000_000, 'GBP'],
		['2.3 billion pesos', 2_300_000_000, 'peso'], ['₹3 crore', 30_000_000, 'INR'], ['5', 5, 'plain'],
	]);
});

test('numbers inside words or after a decimal point are not read apart', t => {
	t.deepEqual(_numbers('v2 and p.5 and 3.14'), [['3.14', 3.14, 'plain']]);
});

test('dates in the common formats meet in ISO form', t => {
	t.deepEqual(_dates('3 March 2024, March 3, 2024, 2024-03-03, 3rd of Mar. 2024, 03.03.2024'), [
		['3 March 2024', ['2024-03-03']], ['March 3, 2024', ['2024-03-03']], ['2024-03-03', ['2024-03-03']],
		['3rd of Mar. 2024', ['2024-03-03']], ['03.03.2024', ['2024-03-03']],
	]);
});

test('a numeric date with slashes stands for both readings unless a part is over 12', t => {
	t.deepEqual(_dates('03/04/2024 and 13/04/2024 and 04/13/24'), [
		['03/04/2024', ['2024-04-03', '2024-03-04']], ['13/04/2024', ['2024-04-13']], ['04/13/24', ['2024-04-13']],
	]);
});

test('months of a year, days without a year; lower-case month words and impossible dates are not dates', t => {
	t.deepEqual(_dates('In March 2024 we may go on June 12; 2024-03; march 5; 31 April'), [
		['March 2024', ['2024-03']], ['June 12', ['--06-12']], ['2024-03', ['2024-03']],
	]);
});
