import test from 'ava';
import {parse} from 'csv-parse/sync';
import {countFieldValues} from '../../../src/report/countFieldValues.js';
import {createFieldColumns} from '../../../src/report/createFieldColumns.js';
import {formatRecords} from '../../../src/report/formatRecords.js';
import type {FieldRecord} from '../../../src/store/FieldRecord.js';
import {openStore} from '../../../src/store/Store.js';
import {createTempDatabasePath} from '../store/createTempDatabasePath.js';

const config = {
	fields: [{name: 'fee', type: 'number' as const}, {name: 'parties', type: 'list' as const}, {name: 'start', type: 'date' as const}],
	questions: ['Who signed?'],
};

function item(id: string, value: FieldRecord['value'], pages: number[] = [], supported: boolean | null = value === null ? null : pages.length > 0): FieldRecord {
	return {id, kind: id.startsWith('q') ? 'question' : 'field', value, pages, evidence: value === null ? [] : ['quote'], supported, conflicts: [], warnings: []};
}

test('stored fields become typed JSON, CSV columns in field order readable back, and per-field counts; results of other content are left out', t => {
	const file = createTempDatabasePath(t);
	const store = openStore(file);
	t.teardown(() => store.close());
	const runId = store.startRun({pipeline: 'p', configHash: 'h'});
	for (const [path, sha256] of [['/a.pdf', 'sha-a'], ['/b.pdf', 'sha-b']] as const) {
		store.markRunning(path, {sha256, bytes: 1, format: 'pdf', runId});
		store.markDone(path, sha256, {summary: 's', model: 'm', pipeline: 'p', summaryKey: 'k', promptTokens: 1, outputTokens: 1, llmCalls: 1, seconds: 1, runId});
	}
	store.putDocumentFields('/a.pdf', 'sha-a', [item('fee', 12_500.5, [2, 3, 4, 7]), item('parties', ['Acme; Ltd', 'Widget'], [1], false), item('start', '2024-03-01', [1]), {...item('q1', 'Acme and Widget.', [5]), question: 'Who signed?'}]);
	store.putDocumentFields('/b.pdf', 'sha-old', [item('fee', 1, [1])]);
	const columns = createFieldColumns(config, store.listDocumentFields());
	const records = store.listDocuments();

	const json = JSON.parse(formatRecords(records, 'json', {fieldColumns: columns})) as Array<{path: string; fields: Record<string, {value: unknown; pages: number[]; supported: boolean | null}>; answers: Record<string, {question: string; value: unknown}>}>;
	t.like(json[0]?.fields, {fee: {value: 12_500.5, pages: [2, 3, 4, 7], supported: true}, parties: {value: ['Acme; Ltd', 'Widget'], supported: false}, start: {value: '2024-03-01'}});
	t.like(json[0]?.answers, {q1: {question: 'Who signed?', value: 'Acme and Widget.'}});
	t.like(json[1]?.fields, {fee: {value: null, pages: [], supported: null}}, 'a result extracted from older content is not exported');

	const [header, first, second] = parse(formatRecords(records, 'csv', {fieldColumns: columns})) as string[][];
	t.deepEqual(header?.slice(-8), ['fee', 'fee_pages', 'parties', 'parties_pages', 'start', 'start_pages', 'q1', 'q1_pages']);
	t.deepEqual(first?.slice(-8), ['12500.5', '2-4; 7', 'Acme; Ltd; Widget', '1', '2024-03-01', '1', 'Acme and Widget.', '5']);
	t.deepEqual(second?.slice(-8), ['', '', '', '', '', '', '', '']);
	t.is(formatRecords(records, 'csv'), formatRecords(records, 'csv', {fieldColumns: createFieldColumns({fields: [], questions: []}, new Map())}), 'a pipeline without fields exports as before');

	t.deepEqual(countFieldValues(config, records, store.listDocumentFields()).map(count => [count.id, count.withValue, count.documents, count.supported]), [
		['fee', 1, 1, 1], ['parties', 1, 1, 0], ['start', 1, 1, 1], ['q1', 1, 1, 1],
	]);
});

test('stored field values are kept per content and item key: a second write of the same key changes nothing', t => {
	const store = openStore(createTempDatabasePath(t));
	t.teardown(() => store.close());
	store.putFieldValues('sha', new Map([['k1', item('fee', 1, [1])]]));
	store.putFieldValues('sha', new Map([['k1', item('fee', 2, [1])], ['k2', item('start', null)]]));
	const found = store.getFieldValues('sha', ['k1', 'k2', 'k3']);
	t.deepEqual([...found.keys()], ['k1', 'k2']);
	t.is(found.get('k1')?.value, 1);
	t.is(store.getFieldValues('other', ['k1']).size, 0);
});
