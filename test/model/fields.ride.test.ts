import test, {type ExecutionContext} from 'ava';
import Database from 'better-sqlite3';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {hashJson} from '../../src/run/hashJson.js';
import {closeTruncatedJson} from '../../src/summarize/closeTruncatedJson.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {countModelCalls} from '../helpers/countModelCalls.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {hasDeclaredFieldType} from '../helpers/hasDeclaredFieldType.js';
import {runPrecis} from '../helpers/runPrecis.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

// Fields ride on the summary calls that read the text (src/summarize/SummaryRider.ts): the calls are
// counted from the store's model_calls, and told apart by their JSON output (a ridden call answers
// {"fields": …, "summary": …}; a fields call of its own answers {"<item>": …}).

interface Entry {
	value: unknown;
	pages: number[];
	supported: boolean | null;
}

type JsonRecord = {path: string; summary: string; fields: Record<string, Entry>};

const fields = `fields:
  - name: category
    type: enum
    values: [contract, invoice, report, other]
    required: true
  - name: effective_date
    type: date
  - name: amount
    type: number
  - name: parties
    type: list
`;
const copies = `  - name: copies
    type: integer
`;

/** Chunks stored for the map stage of the database's (one) document. */
function countChunks(db: string): number {
	const database = new Database(db, {readonly: true, fileMustExist: true});
	try {
		return database.prepare('SELECT count(*) FROM chunks').pluck().get() as number;
	} finally {
		database.close();
	}
}

/** The top-level keys of each stored model call's output (sorted), oldest first; [] for output that is not a JSON object. */
function listCallShapes(db: string): string[][] {
	const database = new Database(db, {readonly: true, fileMustExist: true});
	try {
		const outputs = database.prepare('SELECT output FROM model_calls ORDER BY rowid').pluck().all() as string[];
		return outputs.map(output => {
			// Output cut at its token limit (the synthetic model rambles until it) is read as precis reads it.
			const value = _parse(output) ?? closeTruncatedJson(output);
			return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).sort() : [];
		});
	} finally {
		database.close();
	}
}

function _parse(output: string): unknown {
	try {
		return JSON.parse(output) as unknown;
	} catch {
		return undefined;
	}
}

async function setUp(t: ExecutionContext, documents: Record<string, string>, settings: string) {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	for (const [name, text] of Object.entries(documents)) writeFileSync(join(inbox, name), text);
	const model = await getSyntheticModel('tiny');
	const base = `summarize:\n  maxOutputTokens: 230\nengine:\n  threads: 1\n  contextSize: 1400\n${settings}`;
	const write = (name: string, body: string): string => {
		const file = join(work, `${name}.yaml`);
		writeFileSync(file, `name: ${name}\n${base}${body}`);
		return file;
	};
	const run = async (config: string, db: string): Promise<void> => {
		const result = await runPrecis(['run', inbox, '--config', config, '--model', model, '--db', db], {cwd: work});
		t.is(result.code, 0, result.stderr);
	};
	const exportJson = async (config: string, db: string): Promise<JsonRecord[]> => {
		const result = await runPrecis(['export', '--config', config, '--db', db, '--format', 'json'], {cwd: work});
		t.is(result.code, 0, result.stderr);
		return JSON.parse(result.stdout) as JsonRecord[];
	};
	return {work, write, run, exportJson};
}

test('a document that fits: one model call for its summary and all its fields; a field-only change asks only the new item, with no summary call', async t => {
	const text = 'SERVICE AGREEMENT. This agreement takes effect on 1 March 2024 between Acme Ltd and Widget GmbH. The fee is 12,500 euros per year.';
	const {work, write, run, exportJson} = await setUp(t, {'short.txt': text}, '');
	const db = join(work, 'p.db');
	const withFields = write('fields', fields);
	await run(withFields, db);
	t.is(countModelCalls(db), 1, 'one call in total for the summary and every field');
	t.deepEqual(listCallShapes(db), [['fields', 'summary']], 'the call answers the fields and the summary together');
	const [record] = await exportJson(withFields, db);
	t.is(typeof record?.summary, 'string');
	t.deepEqual(Object.keys(record!.fields), ['category', 'effective_date', 'amount', 'parties']);
	for (const [name, entry] of Object.entries(record!.fields)) t.true(hasDeclaredFieldType(name, entry.value, ['category']), `${name}: ${JSON.stringify(entry.value)}`);

	await run(write('more', fields + copies), db);
	t.is(countModelCalls(db), 2, 'one more call');
	t.deepEqual(listCallShapes(db)[1], ['copies'], 'a fields call of its own, for the new field only: no summary call');
	const [after] = await exportJson(write('more', fields + copies), db);
	t.is(after?.summary, record?.summary, 'the stored summary is kept');
	t.true(hasDeclaredFieldType('copies', after!.fields['copies']?.value));
	for (const name of Object.keys(record!.fields)) t.deepEqual(after!.fields[name], record!.fields[name], `${name} is not asked again`);

	await run(write('fewer', fields.split('  - name: parties')[0]!), db);
	t.is(countModelCalls(db), 2, 'dropping a field asks nothing');
});

test('a document done with fields by the release before fields rode is not summarized again after the upgrade', async t => {
	const {work, write, run} = await setUp(t, {'short.txt': 'SERVICE AGREEMENT. The fee is 12,500 euros per year.'}, '');
	const db = join(work, 'p.db');
	const withFields = write('fields', fields);
	await run(withFields, db);
	// That release stored a document with fields under one hash of its summary settings and field set.
	const database = new Database(db);
	const [summarySettings, fieldsKey] = (database.prepare('SELECT summary_key FROM documents').pluck().get() as string).split('+');
	database.prepare('UPDATE documents SET summary_key = ?').run(hashJson({summaryKey: summarySettings, fieldsKey}));
	// Without its cached calls, working on the document again would show as a new model call.
	database.prepare('DELETE FROM model_calls').run();
	database.close();
	await run(withFields, db);
	t.is(countModelCalls(db), 0, 'skipped as done');
});

test('a long document: the fields ride on its map calls, with no calls of their own, and the merged values keep their types and pages', async t => {
	const text = ['# Terms', createProse(30, 31), '# Fees', createProse(30, 32), '# Ending', createProse(30, 33)].join('\n\n');
	const {work, write, run, exportJson} = await setUp(t, {'long.md': text}, 'chunk:\n  maxTokens: 200\n');
	const plainDb = join(work, 'plain.db');
	await run(write('plain', ''), plainDb);
	const mapCalls = countChunks(plainDb);
	t.true(mapCalls >= 3, `several map calls: ${mapCalls}`);

	const db = join(work, 'fields.db');
	const withFields = write('fields', fields);
	await run(withFields, db);
	const shapes = listCallShapes(db);
	t.is(countChunks(db), mapCalls, 'chunk.maxTokens holds: the ridden chunks are the same');
	t.is(shapes.filter(keys => keys.join() === 'fields,summary').length, mapCalls, 'every map call carries the fields');
	t.false(shapes.some(keys => keys.includes('category') || keys.includes('amount')), 'no fields call of its own');
	t.true(shapes.length <= countModelCalls(plainDb), `no more calls than the summary alone: ${shapes.length} (summary alone: ${countModelCalls(plainDb)})`);

	const [record] = await exportJson(withFields, db);
	t.deepEqual(Object.keys(record!.fields), ['category', 'effective_date', 'amount', 'parties']);
	for (const [name, entry] of Object.entries(record!.fields)) {
		t.true(hasDeclaredFieldType(name, entry.value, ['category']), `${name}: ${JSON.stringify(entry.value)}`);
		t.true(entry.value === null ? entry.supported === null && entry.pages.length === 0 : typeof entry.supported === 'boolean');
		// Pages are where the evidence was found: page 1 of a text document, or none for evidence not in it.
		t.deepEqual(entry.pages, entry.supported === true ? [1] : [], `${name}: ${JSON.stringify(entry)}`);
	}
});
