import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {parse} from 'csv-parse/sync';
import fc from 'fast-check';
import {csvColumns, exportCsv} from '../../../src/report/exportCsv.js';
import {documentRecordFields, type DocumentRecord} from '../../../src/store/DocumentRecord.js';
import {openStore} from '../../../src/store/Store.js';
import {createTempDatabasePath} from '../store/createTempDatabasePath.js';

const _hostile = [
	'plain text',
	'commas, everywhere, here',
	'He said "hi", then "bye"',
	'CRLF\r\nLF\nCR\rend',
	'lone LF\nonly',
	'lone CR\ronly',
	'\r\nstarts and ends with newlines\n',
	'emoji 👩‍👩‍👧 family, 🎉 and flags 🇯🇵',
	'ملخص الوثيقة: نص عربي من اليمين إلى اليسار',
	'要約：これは日本語の文書です。',
	'Краткое содержание документа',
	'=HYPERLINK("http://evil.example","click")',
	'+1+2',
	'-2 as a bullet',
	'@SUM(A1:A9)',
	'\tleading tab',
	'  padded both sides  ',
	'',
	'"',
	'""',
	'nul \u0000 inside',
];

function _record(index: number, summary: string): DocumentRecord {
	const failed = index % 4 === 3;
	return {
		path: `docs/${index}, "file".pdf`, sha256: 'ab'.repeat(32), format: 'pdf', pages: index, title: Array.from(summary).slice(0, 8).join(''),
		status: failed ? 'failed' : 'done', error_code: failed ? 'E_PARSE_FAILED' : null, error_message: failed ? summary : null,
		summary: failed ? null : summary, key_points: failed ? null : [summary, 'second, "point"\nwith newline'],
		model: 'model.gguf', pipeline: 'map-reduce', prompt_tokens: 1000 + index, output_tokens: 50, seconds: 1.5 + index,
		updated_at: '2026-01-02T03:04:05.678Z',
		citations: failed ? null : [{text: 'One.', pages: [5, 1], support: 0.5}, {text: 'Two.', pages: [2], support: 0.9}],
		unsupported_facts: failed ? null : [{text: '4%', kind: 'number', statement: 'One.'}, {text: summary, kind: 'quote', statement: 'Two.'}],
		needs_review: failed ? null : index % 2 === 0,
		warnings: failed ? null : index % 2 === 0 ? [] : [`page ${index}: ${summary}`, 'second; "warning", with\nnewline'],
	};
}

/** The cells a CSV reader must give back for a record: exact text, `null` as empty, key points and warnings as JSON. */
function _expectedRow(record: DocumentRecord): string[] {
	return documentRecordFields.map(field => {
		const value = record[field];
		if (value === null) return '';
		if (field === 'citations') return '1-2; 5';
		if (field === 'unsupported_facts') return `4%; ${record.summary}`;
		return field === 'key_points' || field === 'warnings' ? JSON.stringify(value) : String(value);
	});
}

function _writeTemp(t: ExecutionContext, text: string): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'precis-csv-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const file = path.join(directory, 'report.csv');
	writeFileSync(file, text, 'utf8');
	return file;
}

/** Parses a CSV file with Python's csv module (Excel dialect), as a spreadsheet-minded consumer would. */
function _readWithPython(file: string, encoding: 'utf-8' | 'utf-8-sig'): string[][] {
	const script = 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding=sys.argv[2]) as f:\n    print(json.dumps(list(csv.reader(f))))';
	return JSON.parse(execFileSync('python3', ['-c', script, file, encoding], {encoding: 'utf8'})) as string[][];
}

const _records = _hostile.map((summary, index) => _record(index, summary));
const _expected = [[...csvColumns], ..._records.map(_expectedRow)];

for (const bom of [false, true]) {
	test(`hostile text round-trips exactly through csv-parse and Python's csv (bom: ${bom})`, t => {
		const csv = exportCsv(_records, {bom});
		const file = _writeTemp(t, csv);
		const bytes = readFileSync(file);
		t.is(bytes.subarray(0, 3).equals(Buffer.from([0xEF, 0xBB, 0xBF])), bom);

		t.deepEqual(parse(csv, {bom: true}), _expected);
		t.deepEqual(_readWithPython(file, bom ? 'utf-8-sig' : 'utf-8'), _expected);
		if (bom) t.is(_readWithPython(file, 'utf-8')[0]![0], '\uFEFFpath', 'exactly one BOM, before the header');
	});
}

test('output is RFC 4180: header row, CRLF after every record, only fields that need it quoted', t => {
	const csv = exportCsv([_record(0, 'He said "hi", ok'), _record(1, 'two\nlines')]);
	t.true(csv.startsWith(`${csvColumns.join(',')}\r\n`));
	t.true(csv.endsWith('\r\n'));
	t.true(csv.includes(',"He said ""hi"", ok",'));
	t.true(csv.includes(',"two\nlines",'), 'a bare LF inside a field stays as written, inside quotes');
	t.true(csv.includes(',pdf,0,He said ,done,,,'), 'plain fields are not quoted; null is empty');
	const withoutQuoted = csv.replaceAll(/"(?:[^"]|"")*"/g, '');
	t.is(withoutQuoted.split('\r\n').length, 4, 'two records, a header, and the empty tail');
	t.false(/[^\r]\n/.test(withoutQuoted), 'no bare LF between records');

	t.is(exportCsv([]), `${csvColumns.join(',')}\r\n`, 'an empty export still has its header');
});

test('escapeFormulas prefixes a quote to cells a spreadsheet would run; the default keeps text exact', t => {
	const records = ['=1+1', '+1', '-1', '@A1', '\tx', 'safe = text'].map((summary, index) => _record(index * 4, summary));
	const summaries = (csv: string) => (parse(csv) as string[][]).slice(1).map(row => row[documentRecordFields.indexOf('summary')]);
	t.deepEqual(summaries(exportCsv(records)), ['=1+1', '+1', '-1', '@A1', '\tx', 'safe = text']);
	t.deepEqual(summaries(exportCsv(records, {escapeFormulas: true})), ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", 'safe = text']);
});

test('any Unicode text round-trips through csv-parse (property) and Python (sample)', t => {
	const text = fc.oneof(fc.string({unit: 'binary', maxLength: 40}), fc.string({unit: fc.constantFrom(',', '"', '\r', '\n', 'a', ' ', '='), maxLength: 20}));
	const records = fc.array(text, {minLength: 1, maxLength: 5}).map(summaries => summaries.map((summary, index) => _record(index, summary)));
	fc.assert(fc.property(records, sample => {
		t.deepEqual(parse(exportCsv(sample), {bom: true}), [[...csvColumns], ...sample.map(_expectedRow)]);
	}), {numRuns: 300, seed: 4180});

	const batch = fc.sample(text, {numRuns: 200, seed: 4180}).map((summary, index) => _record(index, summary));
	const file = _writeTemp(t, exportCsv(batch, {bom: true}));
	t.deepEqual(_readWithPython(file, 'utf-8-sig'), [[...csvColumns], ...batch.map(_expectedRow)]);
});

test('records listed from a real store export and parse back', t => {
	const store = openStore(createTempDatabasePath(t));
	t.teardown(() => store.close());
	const runId = store.startRun({pipeline: 'map-reduce', configHash: 'c'});
	store.markRunning('b.pdf', {sha256: 'sha-b', bytes: 10, format: 'pdf', pages: 2, title: 'Título', runId});
	store.markDone('b.pdf', 'sha-b', {summary: 'Résumé, "quoted"\r\nnext', keyPoints: ['k1', 'k,2'], model: 'm', pipeline: 'map-reduce', summaryKey: 'k', promptTokens: 5, outputTokens: 6, llmCalls: 1, seconds: 0.5, runId});
	store.markFailed('a.pdf', {sha256: 'sha-a', code: 'E_ENCRYPTED', message: 'a.pdf is encrypted: remove the password', retryable: false, runId});

	const records = store.listDocuments({runId});
	const rows = parse(exportCsv(records, {bom: true}), {bom: true, columns: true}) as Array<Record<string, string>>;
	t.like(rows[0], {path: 'a.pdf', status: 'failed', error_code: 'E_ENCRYPTED', summary: '', key_points: ''});
	t.like(rows[1], {path: 'b.pdf', title: 'Título', pages: '2', summary: 'Résumé, "quoted"\r\nnext', key_points: '["k1","k,2"]', seconds: '0.5'});
});

test('the check of a summary gives cited_pages as ranges, unsupported facts joined by "; " and needs_review', t => {
	const store = openStore(createTempDatabasePath(t));
	t.teardown(() => store.close());
	const runId = store.startRun({pipeline: 'p', configHash: 'c'});
	store.markRunning('c.pdf', {sha256: 'sha-c', bytes: 10, format: 'pdf', pages: 9, title: null, runId});
	store.markDone('c.pdf', 'sha-c', {summary: 'S.', keyPoints: null, model: 'm', pipeline: 'p', summaryKey: 'k', promptTokens: 5, outputTokens: 6, llmCalls: 1, seconds: 0.5, runId});
	store.putVerification('c.pdf', 'sha-c', 'S.', {
		verifyKey: 'v', needsReview: true, repair: null,
		citations: [{text: 'A.', pages: [5, 2], support: 0.8}, {text: 'B.', pages: [1, 9, 8], support: 0.7}],
		unsupportedFacts: [{text: '$5m', kind: 'number', statement: 'A.'}, {text: 'Bob Li', kind: 'name', statement: 'B.'}],
	});
	const rows = parse(exportCsv(store.listDocuments({runId})), {columns: true}) as Array<Record<string, string>>;
	t.like(rows[0], {cited_pages: '1-2; 5; 8-9', unsupported_facts: '$5m; Bob Li', needs_review: 'true'});
});
