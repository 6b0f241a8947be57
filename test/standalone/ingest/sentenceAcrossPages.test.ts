import test from 'ava';
import {fileURLToPath} from 'node:url';
import {chunkText} from '../../../src/chunk/chunkText.js';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {readDocument} from '../../../src/ingest/readDocument.js';
import {findPageOfOffset} from '../../../src/text/findPageOfOffset.js';
import {splitSentences} from '../../../src/text/splitSentences.js';
import {countWordTokens} from '../chunk/testTokenizers.js';

/** Made by scripts/makePdfFixtures.ts. */
const fixture = fileURLToPath(new URL('../../../fixtures/pdf/sentence-across-pages.pdf', import.meta.url));

test('a PDF sentence that runs over a page break stays one sentence, its hyphenated word rejoined', async t => {
	const {text, pageStarts} = await readDocument(fixture, DEFAULT_CONFIG.extract);
	t.true(text.includes('it agreed that all the information gathered would be shared with every member.'), text);
	t.true(text.includes('and the report was sent to the printer in May.'), text);
	const sentences = splitSentences(text).map(span => text.slice(span.start, span.end));
	t.true(sentences.some(sentence => sentence.startsWith('After a long debate') && sentence.endsWith('every member.')), JSON.stringify(sentences));
	t.is(findPageOfOffset(pageStarts, text.indexOf('After a long')), 1);
	t.is(findPageOfOffset(pageStarts, text.indexOf('gathered')), 2);
	t.is(findPageOfOffset(pageStarts, text.indexOf('sent to the printer')), 3);
});

test('a chunk holding the joined sentence says it came from both pages', async t => {
	const {text, pageStarts} = await readDocument(fixture, DEFAULT_CONFIG.extract);
	const chunks = chunkText(text, {maxTokens: 30, countTokens: countWordTokens, pageStarts});
	const joined = chunks.find(chunk => chunk.text.includes('information gathered'));
	t.deepEqual(joined?.pages, [1, 2], JSON.stringify(chunks.map(chunk => [chunk.text, chunk.pages])));
});
