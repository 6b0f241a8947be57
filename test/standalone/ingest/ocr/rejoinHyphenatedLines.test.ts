import test from 'ava';
import {rejoinHyphenatedLines} from '../../../../src/ingest/ocr/rejoinHyphenatedLines.js';

test('a word OCR found hyphenated at a line end is rejoined, and the rest of its line follows it', t => {
	t.is(rejoinHyphenatedLines('The infor-\nmation was clear and\ncomplete.'), 'The information was clear and\ncomplete.');
	t.is(rejoinHyphenatedLines('one exam-\nple, then anoth-\ner one'), 'one example, then another one');
});

test('paragraphs are never joined, and hyphens that belong to the word stay', t => {
	t.is(rejoinHyphenatedLines('A list ends with a dash -\n\nnext paragraph'), 'A list ends with a dash -\n\nnext paragraph', 'a blank line is a paragraph break');
	t.is(rejoinHyphenatedLines('the Anglo-\nSaxon law'), 'the Anglo-Saxon law', 'a capital after the break keeps the hyphen');
	t.is(rejoinHyphenatedLines('a well-known case; it is well-\nknown'), 'a well-known case; it is well-known', 'a compound the page writes with its hyphen keeps it');
	t.is(rejoinHyphenatedLines('costs 3-\n4 dollars'), 'costs 3-\n4 dollars', 'only words, not numbers');
	t.is(rejoinHyphenatedLines('no hyphen here\nat all'), 'no hyphen here\nat all');
});
