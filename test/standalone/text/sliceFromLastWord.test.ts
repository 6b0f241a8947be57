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
	for (const end of ['It ends here.', 'as the U.S.', 'see p.', 'Dr.', 'he said.”', 'and so', 'no end—']) {
		t.is(endsSentence(long + end), endsSentence(end), end);
	}
});
