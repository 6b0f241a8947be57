import test from 'ava';
import {sliceFromLastWord} from '../../../src/text/sliceFromLastWord.js';
import {endsSentence} from '../../../src/text/splitSentences.js';

test('the end of a text from the whitespace before its last word; a text of one word whole', t => {
	t.is(sliceFromLastWord('It ends here.'), ' here.');
	t.is(sliceFromLastWord('in the U.S.'), ' U.S.');
	t.is(sliceFromLastWord('line\nwell-'), '\nwell-');
	t.is(sliceFromLastWord('alone.'), 'alone.');
	t.is(sliceFromLastWord(''), '');
});

test('endsSentence reads a long text as it reads its last words', t => {
	const long = 'A sentence that goes on. '.repeat(20_000);
	// An abbreviation at the very end is read as one, not as a sentence end.
	const ends: Array<[string, boolean]> = [['It ends here.', true], ['he said.”', true], ['as the U.S.', false], ['see p.', false], ['Dr.', false], ['and so', false], ['no end—', false]];
	for (const [end, expected] of ends) {
		t.is(endsSentence(end), expected, end);
		t.is(endsSentence(long + end), expected, `a long text ending ${end}`);
	}
});
