import test from 'ava';
import {cutToTokens} from '../../../src/summarize/cutToTokens.js';

test('cutToTokens keeps the longest prefix that fits, ended at a sentence', t => {
	const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;
	const text = 'One two three. Four five six. Seven eight nine ten eleven.';
	t.is(cutToTokens(text, 100, {countTokens: countWords}), text);
	t.is(cutToTokens(text, 7, {countTokens: countWords}), 'One two three. Four five six.');
	t.true(countWords(cutToTokens(text, 2, {countTokens: countWords})) <= 2);
});
