import test from 'ava';
import {chunkText} from '../../../src/chunk/chunkText.js';
import {classifyChunkEnd} from '../../../src/chunk/classifyChunkEnd.js';
import {findChunkProblems} from './findChunkProblems.js';
import {countWordTokens} from './testTokenizers.js';
import {writeParagraph} from './writeParagraph.js';

/** Rows `| n | Item n | Mass: at most n kg. Width: n mm. |`: cells that hold sentences, 21 tokens each. */
function writeRows(from: number, count: number): string {
	return Array.from({length: count}, (_, index) => `| ${from + index} | Item ${from + index} | Mass: at most ${index + 1} kg. Width: ${index + 3} mm. |`).join('\n');
}

test('a table on the lines of a paragraph is cut between rows, never after a full stop inside a cell', t => {
	const text = `${writeParagraph(1, 3)}\n${writeRows(1, 20)}\n${writeParagraph(2, 2)}`;
	const options = {maxTokens: 120, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	const ends = chunks.slice(0, -1).map(chunk => classifyChunkEnd(text, chunk.end));
	t.true(ends.includes('between-rows'), `the table is longer than a chunk, so a cut falls inside it: ${ends.join(', ')}`);
	t.false(ends.includes('mid-row'), ends.join(', '));
});

test('a chunk 60% full ends before a table that does not fit instead of cutting between its rows, on the next line as after a blank one', t => {
	const first = writeParagraph(3, 7);
	const text = `${first}\n${writeRows(1, 5)}\n\n${writeParagraph(4, 2)}`;
	const options = {maxTokens: 120, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	t.is(chunks[0]!.text, first);
	t.true(chunks[1]!.text.startsWith('| 1 | Item 1'));
});

test('a line that ends with a colon stays with the table it introduces', t => {
	const intro = 'The parts are listed below with their masses:';
	const text = `${writeParagraph(5, 7)} ${intro}\n${writeRows(1, 4)}\n\n${writeParagraph(6, 2)}`;
	const options = {maxTokens: 110, countTokens: countWordTokens};
	const chunks = chunkText(text, options);
	t.deepEqual(findChunkProblems(text, chunks, options), []);
	for (const chunk of chunks.slice(0, -1)) t.false(chunk.text.endsWith(intro), chunk.text);
	t.true(chunks.find(chunk => chunk.text.includes(intro))!.text.includes(`${intro}\n| 1 | Item 1`), 'the introducing line and the table\'s first row share a chunk');
});

test('ends are classified by what the next line is', t => {
	const kinds = (text: string) => [...text.matchAll(/⟂/gu)].map((match, index) => classifyChunkEnd(text.replaceAll('⟂', ''), match.index - index));
	t.deepEqual(kinds('One sentence.⟂ Another⟂ one\n\nNext paragraph'), ['sentence', 'mid-line']);
	t.deepEqual(kinds('Text.\n\n## A heading⟂\n\nBody'), ['heading']);
	t.deepEqual(kinds('Prices:⟂\na | b⟂\nc | d⟂\nAfter the table'), ['colon', 'between-rows', 'table-end']);
	t.deepEqual(kinds('| a | Mass 5 kg.⟂ Width 3 mm. |\n| b | c |'), ['mid-row']);
	t.deepEqual(kinds('Steps:\n- open the box⟂\n- take the part out⟂\nthen close it'), ['item-end', 'line-end']);
	t.deepEqual(kinds('The court relied on Roe⟂\nv. Wade in its ruling'), ['line-end'], 'a letter with a dot outside a lettered list is no item');
	t.deepEqual(kinds('Options:\na. keep it⟂\nb. drop it'), ['item-end']);
	t.deepEqual(kinds('Last words⟂  \n '), ['document']);
});
