import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const _words = ['the', 'report', 'said', 'that', 'water', 'supply', 'in', 'the', 'city', 'grew', 'by', 'ten', 'percent', 'after', 'new', 'pipes', 'were', 'laid', 'and', 'the', 'council', 'agreed', 'to', 'fund', 'more', 'work', 'next', 'year', 'while', 'people', 'asked', 'for', 'lower', 'prices'];

/** Deterministic English-like prose: `sentences` sentences from a small vocabulary, seeded. */
export function createProse(sentences: number, seed: number): string {
	let state = seed;
	const next = (): number => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state;
	};
	const out: string[] = [];
	for (let index = 0; index < sentences; index++) {
		const length = 8 + (next() % 10);
		const words = Array.from({length}, () => _words[next() % _words.length] ?? 'the');
		const sentence = words.join(' ');
		out.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
		if (index % 5 === 4) out.push('\n\n');
	}
	return out.join(' ').replace(/ \n\n /g, '\n\n');
}

/** Writes a small set of good and broken documents into `folder`; returns the expected outcome per file. */
export function writeSampleDocuments(folder: string): {good: string[]; bad: Record<string, string>} {
	mkdirSync(folder, {recursive: true});
	const files: Record<string, string | Buffer> = {
		'short.txt': 'The water board met on Monday. It agreed to lay new pipes in the old town next year, at a cost of two million.',
		'long-report.md': ['# Water report', createProse(40, 1), '## Costs', createProse(40, 2), '## Next steps', createProse(30, 3)].join('\n\n'),
		'notes.txt': createProse(12, 4),
		'garbage.txt': Buffer.from(Array.from({length: 4096}, (_, index) => (index * 7919 + 13) % 256)),
		'empty.txt': '',
		'broken.pdf': '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a valid PDF at all\n',
	};
	for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
	return {
		good: ['long-report.md', 'notes.txt', 'short.txt'],
		bad: {'broken.pdf': 'E_PARSE_FAILED', 'empty.txt': 'E_NO_TEXT', 'garbage.txt': 'E_UNSUPPORTED_FORMAT'},
	};
}
