import test from 'ava';
import {parse} from 'csv-parse/sync';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {csvColumns} from '../../src/report/exportCsv.js';
import {openStore} from '../../src/store/Store.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {hasDeclaredFieldType} from '../helpers/hasDeclaredFieldType.js';
import {runPrecis} from '../helpers/runPrecis.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

interface Totals {
	llmCalls: number;
	cacheHits: number;
	documents: {total: number; done: number; failed: number; skipped: number};
}

interface Entry {
	value: unknown;
	pages: number[];
	evidence: string[];
	supported: boolean | null;
}

type JsonRecord = Record<string, unknown> & {path: string; summary: string; fields: Record<string, Entry>; answers: Record<string, Entry & {question: string}>};

const fields = `fields:
  - name: category
    type: enum
    values: [contract, invoice, report, other]
    required: true
  - name: effective_date
    type: date
    description: The date the agreement takes effect.
  - name: amount
    type: number
  - name: parties
    type: list
  - name: signed
    type: boolean
questions:
  - What must a party do to terminate the agreement?
`;
const addedField = `  - name: copies
    type: integer
`;

test('fields: typed values per document, per-chunk extraction of a long one, CSV columns in field order, and a field set change that asks only the new field', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	writeFileSync(join(inbox, 'short.txt'), 'SERVICE AGREEMENT. This agreement takes effect on 1 March 2024 between Acme Ltd and Widget GmbH. The fee is 12,500 euros per year. Either party may terminate it with 90 days written notice.');
	writeFileSync(join(inbox, 'long.md'), ['# Terms', createProse(30, 31), '# Fees', createProse(30, 32), '# Ending', createProse(30, 33)].join('\n\n'));
	const model = await getSyntheticModel('tiny');
	const db = join(work, 'p.db');
	const base = 'summarize:\n  maxOutputTokens: 230\nengine:\n  threads: 1\n  contextSize: 1400\n';
	const plain = join(work, 'plain.yaml');
	writeFileSync(plain, `name: plain\n${base}`);
	const withFields = join(work, 'fields.yaml');
	writeFileSync(withFields, `name: fields\n${base}${fields}`);
	const withMore = join(work, 'more.yaml');
	writeFileSync(withMore, `name: more\n${base}${fields.replace('questions:', `${addedField}questions:`)}`);
	const run = async (config: string): Promise<Totals> => {
		const result = await runPrecis(['run', inbox, '--config', config, '--model', model, '--db', db, '--json'], {cwd: work});
		t.is(result.code, 0, result.stderr);
		return JSON.parse(result.stdout) as Totals;
	};
	const exportAs = async (config: string, format: 'json' | 'csv'): Promise<string> => {
		const result = await runPrecis(['export', '--config', config, '--db', db, '--format', format], {cwd: work});
		t.is(result.code, 0, result.stderr);
		return result.stdout;
	};

	const summariesOnly = await run(plain);
	t.true(summariesOnly.llmCalls > 0);
	const summariesOf = async (config: string) => new Map((JSON.parse(await exportAs(config, 'json')) as JsonRecord[]).map(record => [record.path, record.summary]));
	const storedSummaries = await summariesOf(plain);
	const first = await run(withFields);
	t.is(first.documents.done, 2, 'a new field set processes the documents again');
	t.is(first.cacheHits, 0, 'no summary call is made or even looked up');
	t.deepEqual(await summariesOf(withFields), storedSummaries, 'the stored summaries are reused');
	t.true(first.llmCalls >= 3, `the long document is read in several parts: ${first.llmCalls} fields calls for 2 documents`);

	const records = JSON.parse(await exportAs(withFields, 'json')) as JsonRecord[];
	t.is(records.length, 2);
	for (const record of records) {
		t.deepEqual(Object.keys(record.fields), ['category', 'effective_date', 'amount', 'parties', 'signed']);
		t.not(record.fields['category']?.value, null, 'a required field always has a value');
		for (const [name, entry] of Object.entries(record.fields)) {
			t.true(hasDeclaredFieldType(name, entry.value), `${record.path} ${name}: ${JSON.stringify(entry.value)}`);
			t.true(entry.value === null ? entry.supported === null && entry.pages.length === 0 : typeof entry.supported === 'boolean');
			if (entry.supported === true) t.true(entry.pages.length > 0 && entry.pages.every(page => page === 1), 'text documents have one page');
		}
		t.deepEqual(Object.keys(record.answers), ['q1']);
		t.is(record.answers['q1']?.question, 'What must a party do to terminate the agreement?');
		t.true(hasDeclaredFieldType('q1', record.answers['q1']?.value));
	}

	const csv = await exportAs(withFields, 'csv');
	const [header, ...rows] = parse(csv) as string[][];
	t.deepEqual(header, [...csvColumns, 'category', 'category_pages', 'effective_date', 'effective_date_pages', 'amount', 'amount_pages', 'parties', 'parties_pages', 'signed', 'signed_pages', 'q1', 'q1_pages']);
	const byPath = new Map(records.map(record => [record.path, record]));
	for (const row of rows) {
		const cells = Object.fromEntries(header!.map((name, index) => [name, row[index] ?? '']));
		const record = byPath.get(cells['path']!)!;
		t.is(cells['category'], record.fields['category']?.value as string, 'the CSV cell reads back as the JSON value');
		const amount = record.fields['amount']?.value;
		t.is(cells['amount'], amount === null ? '' : String(amount));
		const parties = record.fields['parties']?.value as string[] | null;
		t.is(cells['parties'], parties === null ? '' : parties.join('; '));
	}

	const store = openStore(db);
	const before = store.listDocumentFields();
	store.close();
	const more = await run(withMore);
	t.is(more.documents.done, 2);
	t.true(more.llmCalls > 0 && more.llmCalls <= first.llmCalls, `only the new field is asked (${more.llmCalls} calls)`);
	t.is(more.cacheHits, 0, 'no summary call is made or even looked up');
	t.deepEqual(await summariesOf(withMore), storedSummaries, 'the stored summaries are reused again');
	const reopened = openStore(db);
	const after = reopened.listDocumentFields();
	reopened.close();
	for (const [path, {items}] of before) {
		const unchanged = after.get(path)!.items.filter(item => item.id !== 'copies');
		t.deepEqual(unchanged, items, 'the unchanged fields keep their stored results');
		t.true(hasDeclaredFieldType('copies', after.get(path)!.items.find(item => item.id === 'copies')?.value));
	}
	const again = await run(withMore);
	t.like(again, {llmCalls: 0, cacheHits: 0, documents: {skipped: 2}});
});

test('a field set whose instructions leave no room for text stops the run before any document is read, with the numbers', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	writeFileSync(join(inbox, 'short.txt'), 'The water board met on Monday.');
	const config = join(work, 'tight.yaml');
	writeFileSync(config, `name: tight\nsummarize:\n  maxOutputTokens: 230\nengine:\n  threads: 1\n  contextSize: 700\n${fields}`);
	const db = join(work, 'p.db');
	const result = await runPrecis(['run', inbox, '--config', config, '--model', await getSyntheticModel('tiny'), '--db', db], {cwd: work});
	t.is(result.code, 1, result.stderr);
	t.regex(result.stderr, /E_CONFIG_INVALID.*fields: the instructions of 6 fields and questions take \d+ tokens and their answer 230 .*leaving \d+ of the context's 700 tokens/s);
	const store = openStore(db);
	t.teardown(() => store.close());
	t.like(store.getStatus().documents, {done: 0, failed: 0});
});
