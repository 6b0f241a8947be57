import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {parse} from 'csv-parse/sync';
import type {CompletionRequest} from '../../../src/engine/Engine.js';
import {escapeHtml} from '../../../src/report/escapeHtml.js';
import {escapeMarkdown} from '../../../src/report/escapeMarkdown.js';
import type {DocumentRecord} from '../../../src/store/DocumentRecord.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runPrecis} from '../../helpers/runPrecis.js';
import {runScriptedBatch, type ScriptedBatchOptions} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

const pdfFixtures = join(process.cwd(), 'fixtures', 'pdf');
/** What parseSummaryOutput warns when a JSON-style summary is not JSON. */
const notJsonWarning = 'the model did not return valid JSON; its output is kept as the summary';
const ownerField = {name: 'owner', type: 'string' as const, description: 'Who wrote the document.'};

/**
 * Answers JSON summaries, except for calls about the damaged PDF (fixtures/pdf/bad-page.pdf: its
 * page 2 cannot be read), whose summary is not JSON: that document gets a warning from extraction
 * and one from its summary, the clean text file none.
 */
function _answer(request: CompletionRequest): string {
	return request.messages.at(-1)?.content.includes('damaged document') === true
		? 'not a JSON answer'
		: JSON.stringify({title: 'Notes', summary: 'Readable text.', key_points: ['Readable text.']});
}

/** An inbox holding the damaged PDF and a clean text file, a database, and scripted runs over them. */
function _setUp(t: Parameters<typeof createTempDir>[0]) {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	const damaged = join(inbox, 'damaged.pdf');
	copyFileSync(join(pdfFixtures, 'bad-page.pdf'), damaged);
	writeFileSync(join(inbox, 'clean.txt'), createProse(6, 1));
	const db = join(work, 'precis.db');
	const engine = new ScriptedEngine({contextSize: 4096, answer: _answer});
	const run = async (options: Partial<ScriptedBatchOptions> = {}) => {
		const outcome = await runScriptedBatch(t, {engine, db, inputs: [inbox], summarize: {style: 'json', maxOutputTokens: 128}, ...options});
		const row = outcome.store.getDocument(damaged);
		const clean = outcome.store.getDocument(join(inbox, 'clean.txt'));
		return {...outcome, warnings: row?.warnings, cleanWarnings: clean?.warnings, updatedAt: row?.updatedAt};
	};
	return {work, inbox, damaged, db, run};
}

test('a run stores the warnings of each document; a rerun that changes nothing or only the fields keeps them, new clean bytes drop them', async t => {
	const {damaged, run} = _setUp(t);
	const first = await run();
	t.like(first.result, {documents: {done: 2, failed: 0}});
	const warnings = first.warnings ?? [];
	t.is(warnings.length, 2, JSON.stringify(warnings));
	t.regex(warnings[0]!, /^page 2: \S/, 'the unreadable page, from extraction');
	t.is(warnings[1], notJsonWarning, 'the summary\'s own warning, after extraction\'s');
	t.deepEqual(first.store.getDocument(damaged)?.summaryWarnings, [notJsonWarning]);
	t.deepEqual(first.cleanWarnings, []);
	t.is(first.store.getStatus().documents.withWarnings, 1);

	const unchanged = await run();
	t.like(unchanged.result, {llmCalls: 0, documents: {done: 0, skipped: 2}});
	t.deepEqual(unchanged.warnings, warnings);
	t.is(unchanged.updatedAt, first.updatedAt, 'the row was not written');

	// Only the field set changes: the stored text and summary are reused, and only the field is asked.
	const withField = await run({config: {fields: [ownerField]}});
	t.like(withField.result, {documents: {done: 2, skipped: 0}, texts: {extracted: 0, reused: 2}});
	t.is(withField.extractRequests, 0);
	t.true(withField.result.llmCalls > 0, 'the field was asked');
	t.deepEqual(withField.warnings?.slice(0, 2), warnings, 'the extraction and summary warnings still describe the document');
	t.true((withField.warnings ?? []).slice(2).every(warning => warning.startsWith('owner: ')), 'anything after them is about the new field');

	copyFileSync(join(pdfFixtures, 'running-headers.pdf'), damaged);
	const repaired = await run({config: {fields: [ownerField]}});
	t.like(repaired.result, {documents: {done: 1, skipped: 1}, texts: {extracted: 1}});
	t.true(repaired.warnings?.every(warning => warning.startsWith('owner: ')), `only the field's warnings are left: ${JSON.stringify(repaired.warnings)}`);
});

test('precis export shows the warnings in CSV, JSON, HTML and Markdown, and precis status counts the documents with them', async t => {
	const {work, damaged, db, run} = _setUp(t);
	const {warnings} = await run();
	t.is(warnings?.length, 2);
	const exported = async (format: string) => {
		const result = await runPrecis(['export', '--db', db, '--format', format], {cwd: work});
		t.is(result.code, 0, result.stderr);
		return result.stdout;
	};

	const rows = parse(await exported('csv'), {columns: true}) as Array<Record<string, string>>;
	const row = rows.find(candidate => candidate['path'] === damaged);
	t.deepEqual(JSON.parse(row?.['warnings'] ?? 'null'), warnings, 'one cell, the JSON array');
	t.is(rows.find(candidate => candidate['path'] !== damaged)?.['warnings'], '[]');

	const records = JSON.parse(await exported('json')) as DocumentRecord[];
	t.deepEqual(records.find(record => record.path === damaged)?.warnings, warnings);
	const lines = (await exported('jsonl')).trim().split('\n').map(line => JSON.parse(line) as DocumentRecord);
	t.deepEqual(lines.find(record => record.path === damaged)?.warnings, warnings);

	const html = await exported('html');
	t.true(html.includes(`<div class="warnings"><h4>Warnings</h4><ul>${warnings!.map(warning => `<li>${escapeHtml(warning)}</li>`).join('')}</ul></div>`));
	t.is(html.match(/data-warnings="true"/g)?.length, 1);
	const markdown = await exported('md');
	t.true(markdown.includes(`Warnings:\n${warnings!.map(warning => `- ${escapeMarkdown(warning, {inline: true})}`).join('\n')}\n`), markdown);
	t.true(markdown.includes('- **1** with warnings\n'));

	const status = await runPrecis(['status', '--db', db, '--json'], {cwd: work});
	t.is(status.code, 0, status.stderr);
	t.like(JSON.parse(status.stdout), {documents: {done: 2}, documentsWithWarnings: 1});
	const text = await runPrecis(['status', '--db', db], {cwd: work});
	t.regex(text.stdout, /^with warnings: 1 done document \(precis export lists the warnings\)$/m);
});
