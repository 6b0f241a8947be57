import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import Database from 'better-sqlite3';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {unpackSourceDocument} from '../../../src/ingest/packSourceDocument.js';
import type {OcrOptions, SourceDocument} from '../../../src/ingest/SourceDocument.js';
import type {RunEvent} from '../../../src/run/RunEvent.js';
import {knownText} from '../../../scripts/ocrFixtures/knownText.js';
import {makeTextPdf} from '../../../scripts/ocrFixtures/makeScans.js';
import {measureWordRecall} from '../../../scripts/ocrFixtures/measureWordRecall.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch, type ScriptedBatchOptions} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

const ocrFixtures = join(process.cwd(), 'fixtures', 'ocr');
const unreadWarning = 'page 2 has no text layer and OCR is off (extract.ocr.mode); set it to auto to read it';

/** An inbox, a database and a scripted model; `run` summarizes the inbox under the OCR settings given. */
function _setUp(t: ExecutionContext) {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	const db = join(work, 'precis.db');
	const engine = new ScriptedEngine({contextSize: 4096});
	const run = async (ocr: Partial<OcrOptions>, options: Partial<ScriptedBatchOptions> = {}) => {
		const skipped: string[] = [];
		const onEvent = (event: RunEvent) => {
			if (event.type === 'document-skipped') skipped.push(event.path);
		};
		const calls = engine.calls.length;
		const outcome = await runScriptedBatch(t, {engine, db, inputs: [inbox], extract: {ocr: {...DEFAULT_CONFIG.extract.ocr, ...ocr}}, onEvent, ...options});
		return {...outcome, skipped, engineCalls: engine.calls.length - calls};
	};
	/** The text stored for a file's content, as the last run that read it extracted it. */
	const storedText = (name: string): SourceDocument => {
		const database = new Database(db, {readonly: true});
		try {
			const {sha256, document} = database.prepare('SELECT t.sha256, t.document FROM extracted_texts t JOIN documents d ON d.sha256 = t.sha256 WHERE d.path = ?').get(join(inbox, name)) as {sha256: string; document: Buffer};
			return unpackSourceDocument(document, join(inbox, name), sha256);
		} finally {
			database.close();
		}
	};
	return {inbox, engine, run, storedText};
}

test.serial('a mixed PDF summarized with OCR off is done with a warning naming its unread page; OCR turned on reads that page and summarizes it again; a third run skips it', async t => {
	const {inbox, run, storedText} = _setUp(t);
	copyFileSync(join(ocrFixtures, 'mixed.pdf'), join(inbox, 'mixed.pdf'));
	const file = join(inbox, 'mixed.pdf');

	const off = await run({mode: 'off'});
	t.like(off.result, {documents: {done: 1, failed: 0}});
	t.deepEqual(off.store.getDocument(file)?.warnings, [unreadWarning]);
	t.is(storedText('mixed.pdf').pages[1]?.text, '', 'the scanned page was not read');

	const auto = await run({mode: 'auto'});
	t.like(auto.result, {documents: {done: 1, skipped: 0}, texts: {extracted: 1, reused: 0}});
	t.true(auto.engineCalls > 0, 'the new text was summarized');
	const read = storedText('mixed.pdf');
	t.true(read.pages[1]?.ocr);
	t.true(measureWordRecall(knownText.mixedScannedPage, read.pages[1]?.text ?? '') >= 0.95, read.pages[1]?.text);
	t.deepEqual(auto.store.getDocument(file)?.warnings, [], 'no page is left unread');

	const again = await run({mode: 'auto'});
	t.like(again.result, {documents: {done: 0, skipped: 1}, llmCalls: 0, cacheHits: 0});
	t.is(again.engineCalls, 0);
	t.is(again.extractRequests, 0);
	t.deepEqual(again.skipped, [file]);
});

test.serial('a text-only PDF and a text file done with OCR off are not done again when OCR is turned to auto; the PDF is under always', async t => {
	const {inbox, run, storedText} = _setUp(t);
	writeFileSync(join(inbox, 'typed.pdf'), await makeTextPdf([knownText.mixedTextLayer[0]!], {size: [360, 252], fontSize: 12}));
	writeFileSync(join(inbox, 'notes.txt'), createProse(6, 3));

	const off = await run({mode: 'off'});
	t.like(off.result, {documents: {done: 2, failed: 0}});
	t.deepEqual(off.store.getDocument(join(inbox, 'typed.pdf'))?.warnings, []);

	const auto = await run({mode: 'auto'});
	t.like(auto.result, {documents: {done: 0, skipped: 2}, llmCalls: 0, cacheHits: 0});
	t.is(auto.engineCalls, 0);
	t.is(auto.extractRequests, 0);
	t.is(auto.skipped.length, 2);

	const always = await run({mode: 'always'});
	t.like(always.result, {documents: {done: 1, skipped: 1}, texts: {extracted: 1}});
	t.deepEqual(always.skipped, [join(inbox, 'notes.txt')], 'OCR never reads a text file');
	t.deepEqual(storedText('typed.pdf').pages.map(page => page.ocr), [true], 'the PDF was read again, by OCR');
});

test.serial('a scan read again under other OCR settings that give the same text costs no new model call', async t => {
	const {inbox, run} = _setUp(t);
	copyFileSync(join(ocrFixtures, 'scanned.pdf'), join(inbox, 'scanned.pdf'));
	const auto = await run({mode: 'auto'});
	t.like(auto.result, {documents: {done: 1}, cacheHits: 0});
	t.true(auto.engineCalls > 0);

	// A scan is read by OCR under auto and always alike: it is read again, and every call is served from the cache.
	const always = await run({mode: 'always'});
	t.like(always.result, {documents: {done: 1, skipped: 0}, texts: {extracted: 1}, llmCalls: 0});
	t.is(always.engineCalls, 0);
	t.is(always.result.cacheHits, auto.engineCalls);
});

test.serial('a summary made from a text that OCR settings now read otherwise is not reused for a field-only change', async t => {
	const {inbox, engine, run} = _setUp(t);
	copyFileSync(join(ocrFixtures, 'mixed.pdf'), join(inbox, 'mixed.pdf'));
	// Room in the answer for the field, in both runs: only the field set and the OCR mode differ between them.
	const summarize = {maxOutputTokens: 128};
	await run({mode: 'off'}, {summarize});
	const calls = engine.calls.length;
	const summaryCalls: string[] = [];
	const onEvent = (event: RunEvent) => {
		if (event.type === 'call-done' && event.kind !== 'fields') summaryCalls.push(event.kind);
	};
	const withField = await run({mode: 'auto'}, {onEvent, summarize, config: {fields: [{name: 'signer', type: 'string', description: 'Who signed the page.'}]}});
	t.like(withField.result, {documents: {done: 1}});
	t.true(summaryCalls.length > 0, 'the document was summarized again, not only asked its field');
	const prompts = engine.calls.slice(calls).map(call => call.messages.map(message => message.content).join('\n'));
	t.true(prompts.some(prompt => /signed by hand/i.test(prompt)), 'from the text with its scanned page read');
});
