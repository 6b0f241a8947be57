import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {exportJson} from '../../../src/report/exportJson.js';
import {exportJsonl} from '../../../src/report/exportJsonl.js';
import type {DocumentRecord} from '../../../src/store/DocumentRecord.js';

const _summaries = ['plain', 'quotes " and \\ backslash', 'CR\rLF\nCRLF\r\n', 'line\u2028separator\u2029paragraph\u0085next line', 'emoji 🎉 عربي 日本語 русский', '=1+1', 'nul \u0000 and \u001F'];

const _records: DocumentRecord[] = _summaries.map((summary, index) => ({
	path: `docs/${index}.pdf`, sha256: null, format: 'pdf', pages: null, title: null, status: index === 0 ? 'failed' : 'done',
	error_code: index === 0 ? 'E_NO_TEXT' : null, error_message: index === 0 ? summary : null, summary: index === 0 ? null : summary,
	key_points: index === 0 ? null : [summary, 'two'], model: 'm', pipeline: 'p', prompt_tokens: 10, output_tokens: 2, seconds: 0.25,
	updated_at: '2026-01-02T03:04:05.678Z', citations: index === 0 ? null : [{text: summary, pages: [3, 1], support: 0.25, lines: [1, 2]}],
	unsupported_facts: index === 0 ? null : [{text: summary, kind: 'name', statement: summary}], needs_review: index === 0 ? null : index % 2 === 0,
	warnings: index === 0 ? null : [`page ${index}: ${summary}`],
}));

function _readWithPython(t: ExecutionContext, text: string, script: string): unknown {
	const directory = mkdtempSync(path.join(tmpdir(), 'precis-json-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const file = path.join(directory, 'report');
	writeFileSync(file, text, 'utf8');
	return JSON.parse(execFileSync('python3', ['-c', `import json, sys\ntext = open(sys.argv[1], encoding="utf-8").read()\n${script}`, file], {encoding: 'utf8'}));
}

test('JSON export is one array that parses back to the records, in JS and Python', t => {
	const json = exportJson(_records);
	t.true(json.startsWith('[\n') && json.endsWith(']\n'));
	t.deepEqual(JSON.parse(json), _records);
	t.deepEqual(_readWithPython(t, json, 'print(json.dumps(json.loads(text)))'), _records);
	t.is(exportJson([]), '[]\n');
});

test('JSONL export is one record per line, also for readers that split on Unicode line separators', t => {
	const jsonl = exportJsonl(_records);
	const lines = jsonl.split('\n');
	t.is(lines.pop(), '', 'every line ends with LF');
	t.deepEqual(lines.map(line => JSON.parse(line) as DocumentRecord), _records);
	t.false(/[\r\u0085\u2028\u2029]/.test(jsonl));
	t.deepEqual(_readWithPython(t, jsonl, 'print(json.dumps([json.loads(line) for line in text.splitlines()]))'), _records);
	t.is(exportJsonl([]), '');
});
