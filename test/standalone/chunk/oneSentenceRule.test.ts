import test from 'ava';
import {chunkText} from '../../../src/chunk/chunkText.js';
import {selectOverlapStart} from '../../../src/chunk/selectOverlapStart.js';
import {cutToTokens} from '../../../src/summarize/cutToTokens.js';
import {splitSentences} from '../../../src/text/splitSentences.js';
import {countWordTokens} from './testTokenizers.js';

const countWords = (text: string): number => text.split(/\s+/u).filter(Boolean).length;

/** Sentences full of dots that end nothing: abbreviations, initials, acronyms, numbered items and decimals. */
const trickySentences = [
	'We wrote to Dr. Watson about the plan for the coming year.',
	'Several cities, e.g. Paris and Rome, asked for 3.5 million in grants.',
	'The U.S. Army answered in the letter filed as No. 5 of the series.',
	'Prof. J. R. Smith signed it on behalf of the board and its members.',
	'会議は三時に始まった。',
	'The budget grew by 2.75 percent in the year after the vote.',
];

test('chunks are cut only where the one sentence splitter ends a sentence', t => {
	const paragraph = Array.from({length: 8}, () => trickySentences.join(' ')).join(' ');
	const ends = new Set(splitSentences(paragraph).map(span => span.end));
	const chunks = chunkText(paragraph, {maxTokens: 40, countTokens: countWordTokens});
	t.true(chunks.length > 5);
	for (const chunk of chunks) t.true(ends.has(chunk.end), `chunk ${chunk.index} ends inside a sentence: …${chunk.text.slice(-30)}`);
});

test('overlap moves to a sentence start only where the splitter starts one, not after "Dr."', t => {
	const text = 'First words here. We met Dr. Smith at noon today';
	const start = selectOverlapStart(text, 0, text.length, {overlapTokens: 6, countTokens: countWordTokens, charsPerToken: 4});
	t.is(text.slice(start), 'Dr. Smith at noon today');
	const sentence = selectOverlapStart(text, 0, text.length, {overlapTokens: 11, countTokens: countWordTokens, charsPerToken: 4});
	t.is(text.slice(sentence), 'We met Dr. Smith at noon today');
});

test('overlap in CJK text without spaces starts after a full stop', t => {
	const text = '会議は三時に始まった。議題は予算だった。結論は出なかった';
	const start = selectOverlapStart(text, 0, text.length, {overlapTokens: 12, countTokens: countWordTokens, charsPerToken: 1});
	t.is(text.slice(start), '結論は出なかった');
});

test('cutToTokens ends at a sentence end by the splitter, never after an abbreviation', t => {
	const text = 'The report was sent in the spring to Dr. Watson and the whole team for review.';
	const cut = cutToTokens(text, 14, {countTokens: countWords});
	t.true(cut.startsWith('The report was sent in the spring to Dr. Watson'), cut);
	t.false(cut.endsWith('Dr.'));
	const sentences = 'The U.S. Army paid the rest of the bill. He paid 3.5 dollars and left the room.';
	t.is(cutToTokens(sentences, 12, {countTokens: countWords}), 'The U.S. Army paid the rest of the bill.');
});
