import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import Database from 'better-sqlite3';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import type {RunEvent} from '../../../src/run/RunEvent.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch, type ScriptedBatchOptions} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

const _field = {name: 'owner', type: 'string' as const, description: 'Who wrote the document.'};

/** An inbox of two text files and a two-page PDF; a database; a run over them with a scripted model. */
function _setUp(t: ExecutionContext) {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	writeFileSync(join(inbox, 'a.txt'), createProse(6, 1));
	writeFileSync(join(inbox, 'b.txt'), createProse(6, 2));
	copyFileSync(join(process.cwd(), 'fixtures', 'samples', 'field-report.pdf'), join(inbox, 'report.pdf'));
	const db = join(work, 'precis.db');
	const engine = new ScriptedEngine({contextSize: 4096});
	const run = async (options: Partial<ScriptedBatchOptions> = {}) => {
		const events: RunEvent[] = [];
		const outcome = await runScriptedBatch(t, {engine, db, inputs: [inbox], onEvent: event => events.push(event), ...options});
		return {...outcome, extracted: events.flatMap(event => event.type === 'document-extracted' ? [event.reused] : [])};
	};
	const texts = (): Array<{sha256: string; text_key: string}> => {
		const database = new Database(db, {readonly: true});
		try {
			return database.prepare('SELECT sha256, text_key FROM extracted_texts ORDER BY sha256').all() as Array<{sha256: string; text_key: string}>;
		} finally {
			database.close();
		}
	};
	return {inbox, engine, run, texts};
}

test('a field added to the pipeline processes every document again from its stored text, asking no extraction process', async t => {
	const {run, texts} = _setUp(t);
	// Room in the answer for the field, in both runs: only the field set differs between them.
	const summarize = {maxOutputTokens: 128};
	const first = await run({summarize});
	t.like(first.result, {documents: {done: 3}, texts: {extracted: 3, reused: 0}});
	t.is(first.extractRequests, 3);
	t.deepEqual(first.extracted, [false, false, false]);
	t.is(texts().length, 3);

	const withField = await run({summarize, config: {fields: [_field]}});
	t.like(withField.result, {documents: {done: 3, skipped: 0}, texts: {extracted: 0, reused: 3}});
	t.is(withField.extractRequests, 0, 'no document was handed to an extraction process');
	t.deepEqual(withField.extracted, [true, true, true], 'the progress events say the text was reused');
	t.true(withField.result.llmCalls > 0, 'the new field was asked of the model');
});

test('new checker settings re-check every summary with no model call and no extraction; other OCR settings extract again', async t => {
	const {run, texts} = _setUp(t);
	await run();
	const checked = await run({config: {verify: {...DEFAULT_CONFIG.verify, supportThreshold: 0.05}}});
	t.like(checked.result, {llmCalls: 0, documents: {skipped: 3}, texts: {extracted: 0, reused: 3}});
	t.is(checked.extractRequests, 0);

	const keys = texts().map(row => row.text_key);
	const ocrOff = await run({extract: {ocr: {...DEFAULT_CONFIG.extract.ocr, mode: 'off'}}, config: {verify: {...DEFAULT_CONFIG.verify, supportThreshold: 0.1}}});
	t.like(ocrOff.result, {llmCalls: 0, documents: {skipped: 3}, texts: {extracted: 3, reused: 0}});
	t.is(ocrOff.extractRequests, 3, 'a text read under other OCR settings is not reused');
	t.true(texts().every((row, index) => row.text_key !== keys[index]), 'the texts under the new settings replaced the old ones');
});

test('changed bytes are extracted again and the text of the bytes no document holds any more is removed; --force extracts again', async t => {
	const {inbox, run, texts} = _setUp(t);
	await run();
	const before = texts().map(row => row.sha256);
	writeFileSync(join(inbox, 'a.txt'), createProse(6, 7));
	const changed = await run();
	t.like(changed.result, {documents: {done: 1, skipped: 2}, texts: {extracted: 1, reused: 0}});
	const after = texts().map(row => row.sha256);
	t.is(after.length, 3);
	t.is(before.filter(sha256 => !after.includes(sha256)).length, 1, 'the old text of a.txt is gone');

	const forced = await run({force: true});
	t.like(forced.result, {documents: {done: 3}, texts: {extracted: 3, reused: 0}});
	t.is(forced.extractRequests, 3);
});
