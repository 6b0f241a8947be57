import test from 'ava';
import {chunkText} from '../../../src/chunk/chunkText.js';
import {findChunkProblems} from './findChunkProblems.js';
import {countWordTokens} from './testTokenizers.js';
import {writeParagraph} from './writeParagraph.js';

test('a chunk 70% full ends at its paragraph end instead of cutting into the next paragraph', t => {
	const first = writeParagraph(1, 7);
	const text = [first, writeParagraph(2, 5), writeParagraph(3, 5)].join('\n\n');
	const options = {maxTokens: 110, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	t.is(chunks[0]!.text, first);
});

test('before a sentence too long for any chunk, the chunk ends at its last sentence end, not inside the long sentence', t => {
	const first = writeParagraph(1, 7);
	const words = Array.from({length: 150}, (_, index) => `w${index}`);
	const longSentence = `${Array.from({length: 15}, (_, line) => words.slice(line * 10, line * 10 + 10).join(' ')).join('\n')}.`;
	const text = `${first}\n\n${longSentence}`;
	const options = {maxTokens: 110, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	t.is(chunks[0]!.text, first);
	t.true(chunks[1]!.text.startsWith('w0 w1'));
});

test('a heading that falls at the budget opens the next chunk, never ends one', t => {
	const text = [writeParagraph(1, 8), '## Next part', writeParagraph(2, 3), writeParagraph(3, 6)].join('\n\n');
	const options = {maxTokens: 95, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	for (const chunk of chunks) t.notRegex(chunk.text, /## Next part$/u);
	t.true(chunks[1]!.text.startsWith('## Next part'));
	t.deepEqual(chunks[1]!.headings, ['Next part']);
});
