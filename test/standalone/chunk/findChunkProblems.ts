import type {Chunk, ChunkTextOptions} from '../../../src/chunk/chunkText.js';

/**
 * What every chunking must satisfy, as a list of problems (empty when all hold): each chunk is within
 * budget by the tokenizer and its count is exact, its text is the input's slice at its offsets with
 * no whitespace at the edges, chunks move forward, and together they cover every non-whitespace
 * character of the input. Without overlap, chunks do not overlap; with it, a chunk reaches back no
 * further than the previous chunk's start. Pages, when given, are a valid range.
 */
export function findChunkProblems(text: string, chunks: readonly Chunk[], options: ChunkTextOptions): string[] {
	const problems: string[] = [];
	let covered = 0;
	for (const [index, chunk] of chunks.entries()) {
		const where = `chunk ${index} [${chunk.start}, ${chunk.end})`;
		if (chunk.index !== index) problems.push(`${where}: index ${chunk.index}`);
		if (chunk.tokens > options.maxTokens) problems.push(`${where}: ${chunk.tokens} tokens > ${options.maxTokens}`);
		const counted = options.countTokens(chunk.text);
		if (counted !== chunk.tokens) problems.push(`${where}: tokens ${chunk.tokens}, tokenizer says ${counted}`);
		if (text.slice(chunk.start, chunk.end) !== chunk.text) problems.push(`${where}: text is not the input's slice`);
		if (chunk.text.length === 0 || chunk.text.trim() !== chunk.text) problems.push(`${where}: empty or whitespace at the edges`);
		if (options.pageStarts !== undefined) {
			const [first, last] = chunk.pages ?? [0, 0];
			if (first < 1 || last < first || last > Math.max(1, options.pageStarts.length)) problems.push(`${where}: pages ${JSON.stringify(chunk.pages)}`);
		}
		const previous = chunks[index - 1];
		if (previous !== undefined) {
			if (chunk.end <= previous.end) problems.push(`${where}: does not move forward`);
			const earliestStart = (options.overlapTokens ?? 0) > 0 ? previous.start + 1 : previous.end;
			if (chunk.start < earliestStart) problems.push(`${where}: starts before ${earliestStart}`);
		}
		const gap = text.slice(covered, chunk.start);
		if (chunk.start > covered && gap.trim() !== '') problems.push(`${where}: text before it is in no chunk: ${JSON.stringify(gap.slice(0, 80))}`);
		covered = Math.max(covered, chunk.end);
	}
	if (text.slice(covered).trim() !== '') problems.push(`text after offset ${covered} is in no chunk`);
	return problems;
}
