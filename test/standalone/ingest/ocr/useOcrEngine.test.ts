import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {setTimeout as sleep} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {closeOcrEngine, keepOcrEngine, useOcrEngine} from '../../../../src/ingest/ocr/useOcrEngine.js';
import type {OcrEngine} from '../../../../src/ingest/ocr/OcrEngine.js';
import {knownText} from '../../../../scripts/ocrFixtures/knownText.js';
import {measureWordRecall} from '../../../../scripts/ocrFixtures/measureWordRecall.js';

const fixtures = new URL('../../../../fixtures/ocr/', import.meta.url);
const script = fileURLToPath(new URL('../../../helpers/printDocumentPages.ts', import.meta.url));
const page = readFileSync(new URL('page.png', fixtures));
/** Longer than the engine's idle wait (1 s). */
const pastIdleMs = 1500;

const engineOf = async (): Promise<OcrEngine> => useOcrEngine(['eng'], async engine => engine);
const readPage = async (): Promise<string> => useOcrEngine(['eng'], async engine => (await engine.recognize(page)).text);

test.afterEach.always(() => closeOcrEngine());

test.serial('a process that read a scan in-process and then does nothing exits by itself, with the text read', async t => {
	// A bound against a hang only (the old engine kept the process alive forever), not a timing.
	const outcome = await new Promise<{code: number | null; signal: string | null; stdout: string; stderr: string}>(resolve => {
		execFile(process.execPath, ['--import', 'tsx', script, fileURLToPath(new URL('scanned.pdf', fixtures))], {timeout: 120_000}, (error, stdout, stderr) => {
			resolve({code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, signal: error?.signal ?? null, stdout, stderr});
		});
	});
	t.deepEqual([outcome.code, outcome.signal], [0, null], outcome.stderr);
	const pages = JSON.parse(outcome.stdout) as string[];
	t.is(pages.length, 2);
	pages.forEach((text, index) => t.true(measureWordRecall(knownText.scannedPages[index]!, text) >= 0.95, text));
});

test.serial('pages read one after another share one engine; unused past the idle wait, it is replaced by a fresh one', async t => {
	const first = await engineOf();
	t.is(await engineOf(), first);
	await sleep(pastIdleMs);
	const fresh = await engineOf();
	t.not(fresh, first);
	t.true(measureWordRecall(knownText.imagePage, await readPage()) >= 0.95);
});

test.serial('while a document is being read the engine is kept, however long between its pages', async t => {
	const [before, after] = await keepOcrEngine(async () => {
		const engine = await engineOf();
		await sleep(pastIdleMs);
		return [engine, await engineOf()];
	});
	t.is(after, before);
});

test.serial('a page asked for while the engine is being stopped gets a fresh engine that reads it', async t => {
	const old = await engineOf();
	const closing = closeOcrEngine();
	const [text, engine] = await Promise.all([readPage(), engineOf()]);
	await closing;
	t.not(engine, old);
	t.true(measureWordRecall(knownText.imagePage, text) >= 0.95, text);
});

test.serial('an engine closed while a page is being read finishes that page first', async t => {
	const reading = readPage();
	await sleep(0);
	await closeOcrEngine();
	t.true(measureWordRecall(knownText.imagePage, await reading) >= 0.95);
});
