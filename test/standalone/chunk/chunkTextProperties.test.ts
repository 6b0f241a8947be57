import test from 'ava';
import fc from 'fast-check';
import {chunkText, type ChunkTextOptions} from '../../../src/chunk/chunkText.js';
import {findChunkProblems} from './findChunkProblems.js';
import {countByteTokens, countLumpyTokens, countWordTokens} from './testTokenizers.js';

const tokenizers = {words: countWordTokens, lumpy: countLumpyTokens, bytes: countByteTokens};

const word = fc.oneof(
	fc.constantFrom('the', 'budget', 'Mr.', 'e.g.', 'costs', '2024', 'naïve', 'Straße', 'über', 'а', 'проект', '東京', 'مرحبا', '😀', '👩‍👩‍👧', 'x', '—', '“quoted”'),
	fc.string({unit: 'grapheme', minLength: 1, maxLength: 12}),
	fc.integer({min: 30, max: 400}).map(length => 'y'.repeat(length)),
	fc.constant('https://example.com/a/very/long/path?with=query&and=more#fragment'),
);
const sentence = fc.tuple(fc.array(word, {minLength: 1, maxLength: 25}), fc.constantFrom('.', '!', '?', '', ':', '。', '…'))
	.map(([words, end]) => words.join(' ') + end);
const paragraph = fc.tuple(fc.array(sentence, {minLength: 1, maxLength: 12}), fc.constantFrom(' ', '\n', '  ', '\r\n'))
	.map(([sentences, glue]) => sentences.join(glue));
const block = fc.oneof(
	{weight: 6, arbitrary: paragraph},
	fc.tuple(fc.integer({min: 1, max: 6}), sentence).map(([level, title]) => `${'#'.repeat(level)} ${title}`),
	sentence.map(title => `${title}\n${'='.repeat(5)}`),
	fc.constantFrom('CHAPTER IV', 'Book 2', 'PART III. The End', 'ALL CAPS LINE'),
	fc.array(sentence, {minLength: 1, maxLength: 8}).map(items => items.map(item => `- ${item}`).join('\n')),
	fc.array(fc.array(word, {minLength: 2, maxLength: 4}), {minLength: 1, maxLength: 8}).map(rows => rows.map(row => row.join(' | ')).join('\n')),
	fc.array(sentence, {maxLength: 5}).map(lines => `\`\`\`\n# comment\n${lines.join('\n')}\n\`\`\``),
	fc.string({unit: 'grapheme', maxLength: 300}),
	fc.integer({min: 1, max: 200}).map(length => '長'.repeat(length)),
);
const document = fc.tuple(fc.array(block, {maxLength: 30}), fc.array(fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n \n\t\n', ' '), {minLength: 1, maxLength: 4}))
	.map(([blocks, glues]) => blocks.map((text, index) => text + glues[index % glues.length]!).join(''));

const scenario = fc.record({
	text: document,
	maxTokens: fc.integer({min: 8, max: 160}),
	overlapShare: fc.double({min: 0, max: 0.5, noNaN: true}),
	tokenizer: fc.constantFrom(...(Object.keys(tokenizers) as Array<keyof typeof tokenizers>)),
	pageCuts: fc.array(fc.double({min: 0, max: 1, noNaN: true}), {maxLength: 6}),
});

test('on random documents every chunk fits, is exact, covers the text, and the output is deterministic', t => {
	fc.assert(fc.property(scenario, ({text, maxTokens, overlapShare, tokenizer, pageCuts}) => {
		const pageStarts = [0, ...pageCuts.map(cut => Math.floor(cut * text.length)).sort((a, b) => a - b)];
		const options: ChunkTextOptions = {
			maxTokens, overlapTokens: Math.floor(overlapShare * maxTokens), countTokens: tokenizers[tokenizer], pageStarts,
		};
		const chunks = chunkText(text, options);
		const problems = findChunkProblems(text, chunks, options);
		if (problems.length > 0) throw new Error(problems.slice(0, 5).join('\n'));
		return JSON.stringify(chunkText(text, {...options})) === JSON.stringify(chunks);
	}), {numRuns: 400, seed: 20_240_611});
	t.pass();
});
