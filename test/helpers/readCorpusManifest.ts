import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/**
 * The shared corpus, read-only, beside the repository (`../shared/corpus`), or where PRECIS_CORPUS
 * says (a checkout elsewhere, such as a git worktree); absent on some machines.
 */
export const corpusDir = process.env['PRECIS_CORPUS'] === undefined ? fileURLToPath(new URL('../../../shared/corpus/', import.meta.url)) : `${process.env['PRECIS_CORPUS'].replace(/\/$/, '')}/`;
export const hasCorpus = existsSync(`${corpusDir}MANIFEST.tsv`);

export interface CorpusEntry {
	/** Path relative to the corpus folder, such as `pdf/kampo.pdf`. */
	file: string;
	kind: string;
	/** What extraction should give: `ok`, `no-text`, `error`, `encrypted-needs-password`, ... */
	expected: string;
}

/** The rows of the corpus's MANIFEST.tsv, read by column name. */
export function readCorpusManifest(): CorpusEntry[] {
	const [header = '', ...rows] = readFileSync(`${corpusDir}MANIFEST.tsv`, 'utf8').trim().split('\n');
	const columns = header.split('\t');
	const at = (row: string[], name: string): string => row[columns.indexOf(name)] ?? '';
	return rows.map(line => line.split('\t')).map(row => ({file: at(row, 'file'), kind: at(row, 'kind'), expected: at(row, 'expected')}));
}
