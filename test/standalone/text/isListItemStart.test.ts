import test from 'ava';
import {hasLetterMarker, isListItemMarker, opensListItem, readListItemMarker, stripListItemMarker} from '../../../src/text/isListItemStart.js';

/** Whether `line` opens an item by its marker alone: the rule's shape, whatever the lines around it. */
const isListItemStart = (line: string): boolean => readListItemMarker(line) !== undefined;

// Every form one of the four former copies accepted (classifyChunkEnd, splitStatements,
// splitSentences, joinPages), and what none of them should.

test('bullets open an item', t => {
	for (const bullet of ['-', '*', '+', '•', '‣', '◦', '▪', '–', '—']) {
		t.true(isListItemStart(`${bullet} an item`), bullet);
		t.is(stripListItemMarker(`  ${bullet} an item`), 'an item', bullet);
	}
});

test('numbers of up to three digits, in any script, with a dot or a bracket', t => {
	for (const marker of ['1.', '12)', '123.', '(7)', '(8.', '٣.', '३)']) t.true(isListItemStart(`${marker} text`), marker);
	t.false(isListItemStart('1234. text'), 'four digits: a year, not an item');
	t.false(isListItemStart('3.5 percent'), 'a decimal');
	t.false(isListItemStart('12 apples'), 'a number without a dot or bracket');
	t.false(isListItemStart('(605) 574-2307 is the line'), 'a telephone number\'s area code');
	t.is(readListItemMarker('  (12) the twelfth'), '(12)');
	t.is(readListItemMarker('no marker'), undefined);
});

test('single letters in either case and any script', t => {
	for (const marker of ['a.', 'b)', '(c)', 'A.', 'B)', '(Z)', 'α)', '(أ)', 'é.']) t.true(isListItemStart(`${marker} text`), marker);
	t.false(isListItemStart('i.e. the same'), 'an abbreviation');
	t.false(isListItemStart('ab. text'), 'two letters that are no roman numeral');
});

test('roman numerals up to 89, well formed, in either case', t => {
	for (const marker of ['i.', 'ii)', 'iv.', '(ix)', 'xiv.', 'xl)', 'lxxxix.', 'IV.', '(XII)', 'III)']) t.true(isListItemStart(`${marker} text`), marker);
	for (const word of ['civil.', 'mix.', 'did)', 'mild.', 'vivid.', 'iiii.', 'xc.']) t.false(isListItemStart(`${word} text`), word);
});

test('a marker must be followed by whitespace and text', t => {
	t.false(isListItemStart('-'));
	t.false(isListItemStart('1.  '));
	t.false(isListItemStart('-5 degrees'));
	t.false(isListItemStart('a.m. meeting'));
	t.true(isListItemStart('a.\nthe item on the next line'));
	t.is(stripListItemMarker('no marker here'), 'no marker here');
	t.is(stripListItemMarker('(iv)  the fourth'), 'the fourth');
});

test('a marker alone, as a sentence splitter cuts it off its item', t => {
	for (const marker of ['2.', '123)', 'b)', '(iv)', 'IV.', '•']) t.true(isListItemMarker(marker), marker);
	for (const word of ['2. x', 'Civil.', 'No.', '1234.', 'end.']) t.false(isListItemMarker(word), word);
});

test('a letter or roman numeral with a dot opens an item only in a lettered list', t => {
	const opensAmong = (line: string, nearby: string[]): boolean => opensListItem(readListItemMarker(line), () => hasLetterMarker(nearby));
	t.false(opensAmong('v. Wade in its ruling', ['The court relied on Roe']), 'a sentence cut by a break');
	t.true(opensAmong('b. the second one', ['a. the first one']));
	t.true(opensAmong('iv. the fourth', ['Conditions:', '(iii) the third']));
	t.false(opensAmong('b. the second one', ['1. a numbered item']), 'a numbered list is no lettered one');
	t.true(opensAmong('b) the second one', []), 'a bracket marks an item alone');
	t.true(opensAmong('- a bullet', []));
	t.false(opensAmong('plain text', ['a. an item']));
	let asked = 0;
	const inLetteredList = (): boolean => ++asked > 0;
	t.true(opensListItem('2.', inLetteredList) && opensListItem('b)', inLetteredList));
	t.is(asked, 0, 'the lines around are looked at only for a letter with a dot');
});
