import test from 'ava';
import {chunkText, type ChunkTextOptions} from '../../../src/chunk/chunkText.js';
import {findChunkProblems} from './findChunkProblems.js';
import {countByteTokens, countLumpyTokens, countWordTokens} from './testTokenizers.js';
import {writeParagraph} from './writeParagraph.js';

test('empty and blank texts give no chunks; a short text gives one chunk that is the trimmed text', t => {
	t.deepEqual(chunkText('', {maxTokens: 100, countTokens: countWordTokens}), []);
	t.deepEqual(chunkText(' \n\n\t \r\n', {maxTokens: 100, countTokens: countWordTokens}), []);
	const chunks = chunkText('\n\n  Hello there, world.  \n', {maxTokens: 100, countTokens: countWordTokens});
	t.deepEqual(chunks, [{index: 0, text: 'Hello there, world.', tokens: 5, start: 4, end: 23, pages: null, headings: []}]);
});

test('paragraphs are packed greedily, cut only between paragraphs when they fit, and chunks are mostly full', t => {
	const paragraphs = Array.from({length: 30}, (_, index) => writeParagraph(index, 2 + (index % 4)));
	const text = paragraphs.join('\n\n');
	const options = {maxTokens: 120, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	for (const chunk of chunks.slice(0, -1)) {
		t.true(chunk.tokens >= 0.8 * options.maxTokens, `chunk ${chunk.index} holds ${chunk.tokens} tokens`);
		t.regex(chunk.text, /\.$/u, 'every cut falls at a sentence end');
	}
	const paragraphCuts = chunks.slice(1).filter(chunk => text.slice(0, chunk.start).endsWith('\n\n')).length;
	t.true(paragraphCuts >= chunks.length / 2, `${paragraphCuts} of ${chunks.length - 1} cuts are between paragraphs`);
});

test('sections start new chunks, small sections merge with the next, and headings give each chunk its path', t => {
	const text = [
		'# Part 1', writeParagraph(1, 3),
		'## Costs', writeParagraph(2, 8), writeParagraph(3, 9),
		'## Tiny', 'Just a line.',
		'## Benefits', writeParagraph(4, 9),
		'# Part 2', writeParagraph(5, 8),
	].join('\n\n');
	const options = {maxTokens: 100, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	t.deepEqual(chunks.map(chunk => chunk.headings), [
		['Part 1'], ['Part 1', 'Costs'], ['Part 1', 'Costs'], ['Part 1', 'Tiny'], ['Part 1', 'Benefits'], ['Part 2'],
	]);
	t.true(chunks[0]!.text.startsWith('# Part 1\n\n') && !chunks[0]!.text.includes('## Costs'), 'a large next section starts its own chunk');
	t.true(chunks[3]!.text.startsWith('## Tiny') && chunks[3]!.text.includes('## Benefits\n\n'), 'the tiny section is merged with the next');
});

test('a heading never ends a chunk: it moves to the chunk its section starts in', t => {
	const longSentence = `${Array.from({length: 84}, (_, index) => `w${index}`).join(' ')}.`;
	const text = ['# A', writeParagraph(1, 2), '## B', longSentence, writeParagraph(2, 1)].join('\n\n');
	const options = {maxTokens: 100, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	t.is(chunks.length, 2);
	t.false(chunks[0]!.text.includes('## B'));
	t.true(chunks[1]!.text.startsWith('## B\n\nw0 w1'));
	t.deepEqual(chunks[1]!.headings, ['A', 'B']);
});

test('Setext and "CHAPTER" headings count; headings in fenced code and ALL-CAPS lines do not', t => {
	const [p1, p2, p3, p4, p5] = [1, 2, 3, 4, 5].map(seed => writeParagraph(seed, 8));
	const code = '```sh\n# not a heading\nls\n```';
	const text = `Title\n=====\n\n${p1}\n\nCHAPTER II\n\n${p2}\n\n${code}\n\n${p3}\n\nRUNNING HEADER\n\n${p4}\n\nOverview\n--------\n\n${p5}`;
	const options = {maxTokens: 95, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	t.deepEqual([...new Set(chunks.map(chunk => chunk.headings.join(' > ')))], ['Title', 'CHAPTER II', 'CHAPTER II > Overview']);
});

test('a paragraph over budget is cut at sentences, a sentence at words, a word at characters', t => {
	const longSentence = `${Array.from({length: 90}, (_, index) => `w${index}`).join(' ')}.`;
	const longWord = 'x'.repeat(30);
	const cjk = '東京都の天気は晴れです。'.repeat(4) + '長'.repeat(50);
	const emoji = '😀'.repeat(40);
	const text = [writeParagraph(1, 9), longSentence, longWord, cjk, emoji].join('\n\n');
	const countCharacters = (piece: string) => countWordTokens(piece) + (piece.match(/x|\p{Extended_Pictographic}/gu)?.length ?? 0);
	const options = {maxTokens: 20, countTokens: countCharacters};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	t.true(chunks.some(chunk => chunk.text.startsWith('w') && !chunk.text.endsWith('.')), 'the long sentence is cut between words');
	t.true(chunks.filter(chunk => /^x+$/u.test(chunk.text)).length >= 2, 'the long word is cut between characters');
	t.true(chunks.some(chunk => chunk.text.endsWith('。')), 'CJK text is cut after a sentence end');
	for (const chunk of chunks) t.false(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/u.test(chunk.text), `chunk ${chunk.index} does not split a surrogate pair`);
});

test('overlap repeats the previous chunk\'s tail, starts at a word, stays within overlapTokens and the budget', t => {
	const text = Array.from({length: 12}, (_, index) => writeParagraph(index, 4)).join('\n\n');
	const options = {maxTokens: 100, overlapTokens: 20, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	for (const [index, chunk] of chunks.entries()) {
		const previous = chunks[index - 1];
		if (previous === undefined) continue;
		t.true(chunk.start < previous.end, `chunk ${index} overlaps the previous`);
		const overlap = text.slice(chunk.start, previous.end);
		t.true(previous.text.endsWith(overlap));
		t.true(countWordTokens(overlap) <= 20 && countWordTokens(overlap) >= 10, `overlap of ${countWordTokens(overlap)} tokens`);
		t.regex(text.slice(chunk.start - 1, chunk.start + 1), /^\s\S/u, 'overlap starts at a word');
	}
});

test('a chunk that starts a section gets no overlap from the previous section', t => {
	const text = ['# One', writeParagraph(1, 7), '# Two', writeParagraph(2, 7)].join('\n\n');
	const chunks = chunkText(text, {maxTokens: 100, overlapTokens: 30, countTokens: countWordTokens});
	t.is(chunks.length, 2);
	t.true(chunks[1]!.text.startsWith('# Two'));
	t.deepEqual(chunks[1]!.headings, ['Two']);
});

test('pages come from pageStarts and the chunk\'s offsets', t => {
	const pages = Array.from({length: 6}, (_, index) => writeParagraph(index, 3));
	const text = pages.join('\n\n');
	const pageStarts = pages.map((_, index) => pages.slice(0, index).reduce((sum, page) => sum + page.length + 2, 0));
	const chunks = chunkText(text, {maxTokens: 70, countTokens: countWordTokens, pageStarts});
	t.is(chunks.length, 3);
	t.deepEqual(chunks.map(chunk => chunk.pages), [[1, 2], [3, 4], [5, 6]]);
	t.is(chunkText(text, {maxTokens: 70, countTokens: countWordTokens})[0]!.pages, null);
});

test('no chunk is over budget when counts do not add up, and the output is deterministic', t => {
	const text = Array.from({length: 60}, (_, index) => (index % 13 === 0 ? `## Section ${index}` : writeParagraph(index, 1 + (index % 3)))).join('\n\n');
	for (const [maxTokens, overlapTokens] of [[48, 0], [52, 0], [56, 0], [60, 0], [64, 0], [64, 8], [80, 20]] as const) {
		const options: ChunkTextOptions = {maxTokens, overlapTokens, countTokens: countLumpyTokens};
		const chunks = chunkText(text, options);
		t.deepEqual(findChunkProblems(text, chunks, options), []);
		t.deepEqual(chunkText(text, {...options}), chunks);
	}
});

test('tokenizing work is linear: each paragraph is counted once, plus a check per chunk', t => {
	const text = Array.from({length: 2000}, (_, index) => writeParagraph(index, 1 + (index % 7))).join('\n\n');
	let calls = 0;
	let characters = 0;
	const countTokens = (piece: string) => {
		calls++;
		characters += piece.length;
		return countWordTokens(piece);
	};
	const chunks = chunkText(text, {maxTokens: 500, countTokens});
	t.true(characters <= 3 * text.length, `${characters} characters tokenized for ${text.length}`);
	t.true(calls <= 2000 + 20 * chunks.length, `${calls} calls for 2000 paragraphs and ${chunks.length} chunks`);
});

test('tokenizing work stays linear for a huge line and a huge word', t => {
	for (const text of ['word '.repeat(60_000), 'ab'.repeat(150_000)]) {
		let characters = 0;
		const countTokens = (piece: string) => {
			characters += piece.length;
			return countByteTokens(piece);
		};
		const chunks = chunkText(text, {maxTokens: 1000, overlapTokens: 100, countTokens});
		t.true(chunks.length >= 100 && characters <= 6 * text.length, `${characters} characters tokenized for ${text.length} in ${chunks.length} chunks`);
	}
});

test('invalid options are rejected with what was expected', t => {
	t.throws(() => chunkText('a', {maxTokens: 4, countTokens: countWordTokens}), {instanceOf: TypeError, message: /maxTokens.*at least 8/u});
	t.throws(() => chunkText('a', {maxTokens: 100, overlapTokens: 60, countTokens: countWordTokens}), {instanceOf: TypeError, message: /overlapTokens/u});
	t.throws(() => chunkText('a', {maxTokens: 100, countTokens: countWordTokens, pageStarts: [0, 10, 5]}), {instanceOf: TypeError, message: /pageStarts/u});
});
