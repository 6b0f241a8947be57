import test from 'ava';
import {endsSentence, splitSentences} from '../../../src/text/splitSentences.js';

const _sentences = (text: string): string[] => splitSentences(text).map(span => text.slice(span.start, span.end));

test('abbreviations, initials, acronyms and numbers do not end a sentence', t => {
	t.deepEqual(_sentences('Dr. Smith met e.g. Bob. The U.S. Army paid $4.2 million. See No. 5 here. J. R. R. Tolkien wrote it.'), [
		'Dr. Smith met e.g. Bob.',
		'The U.S. Army paid $4.2 million.',
		'See No. 5 here.',
		'J. R. R. Tolkien wrote it.',
	]);
	t.deepEqual(_sentences('Eldred v. Ashcroft was decided in 2003. It lost.'), ['Eldred v. Ashcroft was decided in 2003.', 'It lost.']);
});

test('an abbreviation that can end a sentence does when no number follows', t => {
	t.deepEqual(_sentences('No. I refuse. It sold in the U.S. The end.'), ['No.', 'I refuse.', 'It sold in the U.S.', 'The end.']);
});

test('a single line break is a space, a blank line ends a sentence', t => {
	t.deepEqual(_sentences('a line\r\nwraps here. Next.\r\n\r\nno stop here\n\nnew paragraph'), ['a line\r\nwraps here.', 'Next.', 'no stop here', 'new paragraph']);
});

test('CJK full stops, quotes and list markers', t => {
	t.deepEqual(_sentences('第一句。第二句！第三句？'), ['第一句。', '第二句！', '第三句？']);
	t.deepEqual(_sentences('"Stop!" she said. He stopped.'), ['"Stop!" she said.', 'He stopped.']);
	t.deepEqual(_sentences('1. Open it.\n2. Close it.'), ['1. Open it.', '2. Close it.']);
	t.deepEqual(_sentences('iv. Open it. XII. Close it.'), ['iv. Open it.', 'XII. Close it.']);
	t.deepEqual(_sentences('Vivid. Colours everywhere. Civil. Nobody shouted.'), ['Vivid.', 'Colours everywhere.', 'Civil.', 'Nobody shouted.'], 'a word of roman letters is no list marker');
});

test('offsets are relative to the whole text when a range is given', t => {
	const text = 'Skip this. Take this one. And this.';
	t.deepEqual(splitSentences(text, 11), [{start: 11, end: 25}, {start: 26, end: 35}]);
});

test('a paragraph longer than the segmenter window still splits at every sentence', t => {
	const text = 'Word word word. '.repeat(3000);
	t.is(splitSentences(text).length, 3000);
	t.is(splitSentences('word '.repeat(5000)).length, 1);
});

test('endsSentence: final punctuation, not an abbreviation', t => {
	t.true(endsSentence('It ends.'));
	t.true(endsSentence('他说。'));
	t.true(endsSentence('She said "yes."  '));
	t.false(endsSentence('It goes on'));
	t.false(endsSentence('as told by Dr.'));
});

test('endsSentence: Arabic and Persian question marks and full stops, and the Devanagari danda', t => {
	t.true(endsSentence('پس آن تأثیر کجاست؟'));
	t.true(endsSentence('یہ کتاب ہے۔'));
	t.true(endsSentence('यह एक वाक्य है।'));
	t.false(endsSentence('یہ کتاب'));
});
