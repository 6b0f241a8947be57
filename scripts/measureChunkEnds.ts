/**
 * Measures where chunks end on the shared corpus: the share of chunk ends where a thought ends (by
 * classifyChunkEnd: a paragraph, sentence, table or list item ends), the share of the others that
 * fall between the rows of a table longer than the budget (no cut ends a thought there), the count
 * of each kind of end, and the mean fill (tokens ÷ maxTokens), the last chunk of each document left out. Documents are read by precis's own readers (readDocument) and chunked with
 * a word-and-punctuation tokenizer (about one token per English word, as real tokenizers give
 * within a third) at budgets of at least four times each document's median sentence.
 * Usage: npx tsx scripts/measureChunkEnds.ts [maxTokens…, default 512 1000]. SHOW_ENDS=N prints N
 * examples of each kind of end that is no thought's end; CHUNK_ENDS_CACHE=file keeps the extracted
 * texts in that file and reads them from it next time (delete it when the readers change).
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {chunkText} from '../src/chunk/chunkText.js';
import {classifyChunkEnd, endsThought, type ChunkEnd} from '../src/chunk/classifyChunkEnd.js';
import {DEFAULT_CONFIG} from '../src/config/defaults.js';
import {readDocument} from '../src/ingest/readDocument.js';
import {splitSentences} from '../src/text/splitSentences.js';
import {countWordTokens} from '../test/standalone/chunk/testTokenizers.js';
import {corpusDir, hasCorpus, readCorpusManifest} from '../test/helpers/readCorpusManifest.js';

const budgets = process.argv.slice(2).map(Number);
if (budgets.length === 0) budgets.push(512, 1000);
if (!hasCorpus) {
	process.stderr.write(`no corpus at ${corpusDir}\n`);
	process.exit(1);
}

interface _Text {
	file: string;
	text: string;
	pageStarts: number[];
	medianSentence: number;
}

const cache = process.env.CHUNK_ENDS_CACHE;
const texts: _Text[] = cache !== undefined && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) as _Text[] : [];
if (texts.length === 0) {
	for (const entry of readCorpusManifest().filter(entry => entry.expected.startsWith('ok') && entry.kind !== 'ocr')) {
		const document = await readDocument(join(corpusDir, entry.file), DEFAULT_CONFIG.extract).catch(() => undefined);
		if (document === undefined) continue;
		const lengths = splitSentences(document.text).map(span => countWordTokens(document.text.slice(span.start, span.end))).sort((a, b) => a - b);
		texts.push({file: entry.file, text: document.text, pageStarts: document.pageStarts, medianSentence: lengths[lengths.length >> 1] ?? 0});
	}
	if (cache !== undefined) writeFileSync(cache, JSON.stringify(texts));
}

for (const maxTokens of budgets) {
	const kinds = new Map<ChunkEnd | 'between-rows, table over budget', string[]>();
	let ends = 0;
	let fill = 0;
	const skipped: string[] = [];
	let documents = 0;
	for (const {file, text, pageStarts, medianSentence} of texts) {
		if (maxTokens < 4 * medianSentence) {
			skipped.push(file);
			continue;
		}
		const chunks = chunkText(text, {maxTokens, countTokens: countWordTokens, pageStarts});
		documents++;
		for (const chunk of chunks.slice(0, -1)) {
			ends++;
			fill += chunk.tokens / maxTokens;
			let kind: ChunkEnd | 'between-rows, table over budget' = classifyChunkEnd(text, chunk.end);
			if (kind === 'between-rows' && _tableTokens(text, chunk.end) > maxTokens) kind = 'between-rows, table over budget';
			const examples = kinds.get(kind) ?? [];
			examples.push(`${file}#${chunk.index}: …${JSON.stringify(text.slice(Math.max(0, chunk.end - 70), chunk.end))} ‖ ${JSON.stringify(text.slice(chunk.end, chunk.end + 30))}`);
			kinds.set(kind, examples);
		}
	}
	const share = (count: number) => `${(100 * count / Math.max(1, ends)).toFixed(1)}%`;
	const thoughtEnds = [...kinds].filter(([kind]) => kind !== 'between-rows, table over budget' && endsThought(kind)).reduce((sum, [, examples]) => sum + examples.length, 0);
	const overBudgetRows = kinds.get('between-rows, table over budget')?.length ?? 0;
	process.stdout.write(`maxTokens ${maxTokens}: ${documents} documents, ${ends} chunk ends, ${share(thoughtEnds)} where a thought ends (sentence, paragraph, table or list item), `
		+ `${share(overBudgetRows)} more between the rows of a table longer than the budget, mean fill ${(fill / Math.max(1, ends)).toFixed(3)}`
		+ (skipped.length > 0 ? `; left out (budget under 4x the median sentence): ${skipped.join(', ')}` : '') + '\n');
	for (const [kind, examples] of [...kinds].sort((left, right) => right[1].length - left[1].length)) {
		process.stdout.write(`  ${kind}: ${examples.length} (${share(examples.length)})\n`);
		if (process.env.SHOW_ENDS !== undefined && !endsThought(kind as ChunkEnd)) for (const example of examples.slice(0, Number(process.env.SHOW_ENDS) || 10)) process.stdout.write(`    ${example}\n`);
	}
}

/** Tokens of the run of table rows around `offset` (the lines above and below it that are rows). */
function _tableTokens(text: string, offset: number): number {
	const lines = text.split('\n');
	let position = 0;
	let index = 0;
	while (index < lines.length - 1 && position + lines[index]!.length < offset) position += lines[index++]!.length + 1;
	let first = index;
	let last = index + 1;
	while (first > 0 && classifyChunkEnd(lines[first - 1]! + '\n' + lines[first]!, lines[first - 1]!.length) === 'between-rows') first--;
	while (last < lines.length - 1 && classifyChunkEnd(lines[last]! + '\n' + lines[last + 1]!, lines[last]!.length) === 'between-rows') last++;
	return countWordTokens(lines.slice(first, last + 1).join('\n'));
}
