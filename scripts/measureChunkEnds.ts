/**
 * Measures where chunks end on the shared corpus: the share of chunk ends at a sentence end or a
 * paragraph end (a blank line follows), the share of the others at the end of a table row (`a | b`),
 * and the mean fill (tokens ÷ maxTokens), the last chunk of
 * each document left out. Documents are read by precis's own readers (readDocument) and chunked with
 * a word-and-punctuation tokenizer (about one token per English word, as real tokenizers give
 * within a third) at budgets of at least four times each document's median sentence.
 * Usage: npx tsx scripts/measureChunkEnds.ts [maxTokens…, default 512 1000]
 */
import {join} from 'node:path';
import {chunkText, type Chunk} from '../src/chunk/chunkText.js';
import {DEFAULT_CONFIG} from '../src/config/defaults.js';
import {readDocument} from '../src/ingest/readDocument.js';
import {endsSentence, splitSentences} from '../src/text/splitSentences.js';
import {countWordTokens} from '../test/standalone/chunk/testTokenizers.js';
import {corpusDir, hasCorpus, readCorpusManifest} from '../test/helpers/readCorpusManifest.js';

const budgets = process.argv.slice(2).map(Number);
if (budgets.length === 0) budgets.push(512, 1000);
if (!hasCorpus) {
	process.stderr.write(`no corpus at ${corpusDir}\n`);
	process.exit(1);
}

interface _Tally {
	ends: number;
	clean: number;
	/** Ends after a table row (a line with cells separated by `|`), not counted in `clean`. */
	rows: number;
	fill: number;
	documents: number;
	skipped: string[];
}

const texts: Array<{file: string; text: string; pageStarts: number[]; medianSentence: number}> = [];
for (const entry of readCorpusManifest().filter(entry => entry.expected.startsWith('ok') && entry.kind !== 'ocr')) {
	const document = await readDocument(join(corpusDir, entry.file), DEFAULT_CONFIG.extract).catch(() => undefined);
	if (document === undefined) continue;
	const lengths = splitSentences(document.text).map(span => countWordTokens(document.text.slice(span.start, span.end))).sort((a, b) => a - b);
	texts.push({file: entry.file, text: document.text, pageStarts: document.pageStarts, medianSentence: lengths[lengths.length >> 1] ?? 0});
}

for (const maxTokens of budgets) {
	const tally: _Tally = {ends: 0, clean: 0, rows: 0, fill: 0, documents: 0, skipped: []};
	const unclean: string[] = [];
	for (const {file, text, pageStarts, medianSentence} of texts) {
		if (maxTokens < 4 * medianSentence) {
			tally.skipped.push(file);
			continue;
		}
		const chunks = chunkText(text, {maxTokens, countTokens: countWordTokens, pageStarts});
		tally.documents++;
		for (const chunk of chunks.slice(0, -1)) {
			tally.ends++;
			tally.fill += chunk.tokens / maxTokens;
			if (_endsCleanly(text, chunk)) tally.clean++;
			else if (/\|[^\n|]*$/u.test(chunk.text) && /^[^\S\n]*\n/u.test(text.slice(chunk.end))) tally.rows++;
			else unclean.push(`${file}#${chunk.index}: …${JSON.stringify(chunk.text.slice(-60))}`);
		}
	}
	const share = tally.clean / Math.max(1, tally.ends);
	process.stdout.write(`maxTokens ${maxTokens}: ${tally.documents} documents, ${tally.ends} chunk ends, ${(100 * share).toFixed(1)}% at a sentence or paragraph end, ${(100 * tally.rows / Math.max(1, tally.ends)).toFixed(1)}% more at a table row's end, mean fill ${(tally.fill / Math.max(1, tally.ends)).toFixed(3)}`
		+ (tally.skipped.length > 0 ? `; left out (budget under 4x the median sentence): ${tally.skipped.join(', ')}` : '') + '\n');
	if (process.env.SHOW_UNCLEAN !== undefined) for (const line of unclean) process.stdout.write(`  ${line}\n`);
}

/** Whether a chunk ends where a sentence (by the one splitter's rule) or a paragraph ends. */
function _endsCleanly(text: string, chunk: Chunk): boolean {
	return endsSentence(chunk.text) || /^[^\S\n]*\n\s*\n/u.test(text.slice(chunk.end, chunk.end + 200));
}
