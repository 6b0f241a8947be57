/**
 * Measures what the store's extracted texts (migration 0007) cost on the shared corpus:
 * `npx tsx scripts/measureStoredTexts.ts [corpus folder]`. Extracts every corpus document as a run
 * does (default settings, OCR on), stores each that reads in two fresh databases, one with the
 * packed (deflated) documents and one with the same JSON uncompressed, and prints both files' sizes
 * after VACUUM, with the CPU time spent packing and unpacking.
 */
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inflateRawSync} from 'node:zlib';
import Database from 'better-sqlite3';
import {DEFAULT_CONFIG} from '../src/config/defaults.js';
import {ExtractionPool} from '../src/ingest/ExtractionPool.js';
import {packSourceDocument, unpackSourceDocument} from '../src/ingest/packSourceDocument.js';
import type {SourceDocument} from '../src/ingest/SourceDocument.js';
import {openStore} from '../src/store/Store.js';
import {corpusDir, readCorpusManifest} from '../test/helpers/readCorpusManifest.js';

const corpus = process.argv[2] ?? corpusDir;
const pool = ExtractionPool.fromConfig(DEFAULT_CONFIG.extract);
const settled = await Promise.allSettled(readCorpusManifest().map(async entry => pool.extract(join(corpus, entry.file))));
await pool.close();
const documents = settled.flatMap(outcome => outcome.status === 'fulfilled' ? [outcome.value] : []);

const folder = mkdtempSync(join(tmpdir(), 'precis-texts-'));
const cpu = {pack: 0, unpack: 0};
const sizes = {chars: 0, json: 0, packed: 0};
const _store = (name: string, encode: (document: SourceDocument, packed: Buffer) => Buffer): number => {
	const file = join(folder, name);
	const store = openStore(file);
	for (const document of documents) {
		const start = process.cpuUsage();
		const packed = packSourceDocument(document);
		cpu.pack += _cpuMs(start);
		store.putExtractedText(document.sha256, 'k', encode(document, packed));
	}
	store.close();
	const db = new Database(file);
	db.pragma('journal_mode = DELETE');
	db.exec('VACUUM');
	db.close();
	return statSync(file).size;
};
const empty = _store('empty.db', () => Buffer.alloc(0));
const plain = _store('plain.db', (_, packed) => inflateRawSync(packed));
const deflated = _store('deflated.db', (_, packed) => packed);
for (const document of documents) {
	const packed = packSourceDocument(document);
	sizes.chars += document.text.length;
	sizes.json += inflateRawSync(packed).length;
	sizes.packed += packed.length;
	const start = process.cpuUsage();
	unpackSourceDocument(packed, document.path, document.sha256);
	cpu.unpack += _cpuMs(start);
}
rmSync(folder, {recursive: true, force: true});
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
process.stdout.write([
	`${documents.length} of ${settled.length} corpus documents read; ${sizes.chars} characters of text`,
	`documents as JSON: ${mb(sizes.json)}; deflated: ${mb(sizes.packed)} (${(100 * sizes.packed / sizes.json).toFixed(1)} %)`,
	`database after VACUUM: no text ${mb(empty)}, uncompressed ${mb(plain)}, deflated ${mb(deflated)}`,
	`CPU: packing all documents ${(cpu.pack / 3).toFixed(0)} ms (mean of 3 passes), unpacking ${cpu.unpack.toFixed(0)} ms`,
].join('\n') + '\n');

function _cpuMs(start: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}
