import test from 'ava';
import {joinPages} from '../../../src/ingest/joinPages.js';
import {findPageOfOffset} from '../../../src/text/findPageOfOffset.js';

test('page starts locate each page in the joined text', t => {
	const {text, pageStarts} = joinPages([{number: 1, text: 'one'}, {number: 2, text: 'two'}, {number: 3, text: 'three'}]);
	t.deepEqual(pageStarts.map((start, index) => text.slice(start, pageStarts[index + 1] ?? text.length).trim()), ['one', 'two', 'three']);
	t.is(findPageOfOffset(pageStarts, text.indexOf('three') + 2), 3);
	t.is(findPageOfOffset(pageStarts, 0), 1);
});

const pages = (...texts: string[]) => texts.map((text, index) => ({number: index + 1, text}));

test('a sentence that runs over a page break stays one sentence; its page start still points at the next page', t => {
	const {text, pageStarts} = joinPages(pages('The committee met in the spring and', 'agreed on the budget.', 'A new page, a new sentence.'));
	t.is(text, 'The committee met in the spring and agreed on the budget.\n\nA new page, a new sentence.');
	t.is(text.slice(pageStarts[1]!), 'agreed on the budget.\n\nA new page, a new sentence.');
	t.is(findPageOfOffset(pageStarts, text.indexOf('agreed')), 2);
	t.is(findPageOfOffset(pageStarts, text.indexOf('and')), 1);
});

test('a page that ends a sentence, or a next page that starts a new one, keeps the paragraph break', t => {
	t.is(joinPages(pages('It ended here.', 'lower case after a full stop')).text, 'It ended here.\n\nlower case after a full stop');
	t.is(joinPages(pages('A heading without a stop', 'New Paragraph in capitals.')).text, 'A heading without a stop\n\nNew Paragraph in capitals.');
	t.is(joinPages(pages('Choose one of these:', 'a) the first option')).text, 'Choose one of these:\n\na) the first option');
	t.is(joinPages(pages('We met Dr.', 'smith later')).text, 'We met Dr. smith later', 'an abbreviation does not end the page\'s sentence');
});

test('a word hyphenated across the break is rejoined; a compound the document writes with its hyphen keeps it', t => {
	const joined = joinPages(pages('The infor-', 'mation was new.'));
	t.is(joined.text, 'The information was new.');
	t.is(findPageOfOffset(joined.pageStarts, joined.text.indexOf('mation')), 2);
	const compound = joinPages(pages('A well-known fact is well-', 'known to all.'));
	t.is(compound.text, 'A well-known fact is well-known to all.');
	const unicodeHyphen = joinPages(pages('A well\u2010known fact is well-', 'known to all.'));
	t.is(unicodeHyphen.text, 'A well\u2010known fact is well-known to all.', 'a compound written with the Unicode hyphen (U+2010) counts too');
});

test('a page opening a list item in lower case keeps the paragraph break: a letter or a roman numeral', t => {
	t.is(joinPages(pages('The options are\na. the first one and', 'b. the second one')).text, 'The options are\na. the first one and\n\nb. the second one');
	t.is(joinPages(pages('The conditions are\niii. the third condition and', 'iv. the fourth condition\nv. the fifth')).text, 'The conditions are\niii. the third condition and\n\niv. the fourth condition\nv. the fifth');
	t.is(joinPages(pages('The last condition is', 'iv) the fourth condition')).text, 'The last condition is\n\niv) the fourth condition', 'a bracket marks an item alone');
	t.is(joinPages(pages('It was civil', 'civil. and polite')).text, 'It was civil civil. and polite', 'a word made of roman letters is no marker');
});

test('a letter with a dot at a page top outside a lettered list continues the sentence ("Roe" | "v. Wade", "see" | "p. 12")', t => {
	t.is(joinPages(pages('The court relied on Roe', 'v. Wade in its ruling.')).text, 'The court relied on Roe v. Wade in its ruling.');
	t.is(joinPages(pages('The figures are on', 'p. 12 of the report.\n1. A numbered list does not make it lettered.')).text, 'The figures are on p. 12 of the report.\n1. A numbered list does not make it lettered.');
});

test('the hyphen across a page break is kept by whole words the document writes, not by pieces of longer words', t => {
	// "coop" appears only inside "cooperation": the document writes the word as "co-op".
	t.is(joinPages(pages('The co-op sells food. Members of the co-', 'op vote on cooperation.')).text, 'The co-op sells food. Members of the co-op vote on cooperation.');
	// "re-form" appears only inside "pre-formed": the word at the break is "reform".
	t.is(joinPages(pages('Pre-formed parts help. Plans to re-', 'form the tax code failed.')).text, 'Pre-formed parts help. Plans to reform the tax code failed.');
});

test('empty pages add only their start', t => {
	const {text, pageStarts} = joinPages(pages('One.', '', 'Three.'));
	t.is(text, 'One.\n\nThree.');
	t.is(pageStarts.length, 3);
	t.is(findPageOfOffset(pageStarts, text.indexOf('Three')), 3);
});
