import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runPrecis} from '../../helpers/runPrecis.js';

const fixtures = join(process.cwd(), 'fixtures', 'ocr');
const refuseNetwork = fileURLToPath(new URL('../../helpers/refuseNetwork.cjs', import.meta.url));

interface Extracted {
	path: string;
	format?: string;
	pages?: Array<{number: number; text: string; ocr?: boolean; confidence?: number}>;
	warnings?: string[];
	error?: {code: string; message: string};
}

/** NODE_OPTIONS making every process and thread record and refuse network access in `log`. */
function offline(log: string): Record<string, string> {
	return {NODE_OPTIONS: `--require=${refuseNetwork}`, PRECIS_NETWORK_LOG: log};
}

test('the network guard records a request made from a worker thread of a child process', t => {
	const log = join(createTempDir(t), 'network.log');
	const code = 'new (require("node:worker_threads").Worker)("fetch(\\"http://127.0.0.1:9/x\\").catch(() => {})", {eval: true})';
	const result = spawnSync(process.execPath, ['-e', code], {env: {...process.env, ...offline(log)}, encoding: 'utf8'});
	t.is(result.status, 0, result.stderr);
	t.regex(readFileSync(log, 'utf8'), /\(thread\): fetch http:\/\/127\.0\.0\.1:9\/x/);
});

test('extract --json reads a scan and an image by OCR, per page ocr and confidence, with no network access', async t => {
	const log = join(createTempDir(t), 'network.log');
	// Printed in path order: page.png, then scanned.pdf.
	const result = await runPrecis(['extract', '--json', join(fixtures, 'scanned.pdf'), join(fixtures, 'page.png')], {env: offline(log)});
	t.is(result.code, 0, result.stderr);
	t.false(existsSync(log), existsSync(log) ? readFileSync(log, 'utf8') : '');
	const [image, scan] = result.stdout.trim().split('\n').map(line => JSON.parse(line) as Extracted);
	t.is(scan?.format, 'pdf');
	t.is(image?.format, 'image');
	for (const page of [...scan?.pages ?? [], ...image?.pages ?? []]) {
		t.true(page.ocr);
		t.true(typeof page.confidence === 'number' && page.confidence > 80, String(page.confidence));
		t.true(page.text.length > 50);
	}
	t.is(scan?.pages?.length, 2);
	t.regex(image?.pages?.[0]?.text ?? '', /Invoice number 4471/);
});

test('extract --json --ocr off warns of the page of a mixed PDF that it left unread, naming it', async t => {
	const result = await runPrecis(['extract', '--json', '--ocr', 'off', join(fixtures, 'mixed.pdf')]);
	t.is(result.code, 0, result.stderr);
	const mixed = JSON.parse(result.stdout.trim()) as Extracted;
	t.deepEqual(mixed.pages?.map(page => page.text === ''), [false, true, false]);
	t.deepEqual(mixed.warnings, ['page 2 has no text layer and OCR is off (extract.ocr.mode); set it to auto to read it']);
});

test('extract --json warns of a page OCRed with a low confidence, and only of that page', async t => {
	// low-confidence.pdf: a clean scanned page, then the same kind of page scanned out of focus.
	const result = await runPrecis(['extract', '--json', join(fixtures, 'low-confidence.pdf'), join(fixtures, 'scanned.pdf')]);
	t.is(result.code, 0, result.stderr);
	const [blurred, clean] = result.stdout.trim().split('\n').map(line => JSON.parse(line) as Extracted);
	const [sharpPage, blurredPage] = blurred?.pages ?? [];
	t.true(sharpPage!.confidence! >= 60, `page 1: confidence ${sharpPage?.confidence}`);
	t.true(blurredPage!.text !== '' && blurredPage!.confidence! < 60, `page 2: confidence ${blurredPage?.confidence}, text ${blurredPage?.text}`);
	t.is(blurred?.warnings?.length, 1, JSON.stringify(blurred?.warnings));
	t.regex(blurred?.warnings?.[0] ?? '', new RegExp(`^page 2: OCR confidence ${blurredPage!.confidence} is low \\(under 60\\); the text may be wrong in places`));
	t.deepEqual(clean?.warnings, [], 'a clean scan gets no warning');
});

test('a missing language package stops extract with one line naming the package, no stack', async t => {
	const folder = createTempDir(t);
	const config = join(folder, 'ocr.yaml');
	writeFileSync(config, 'extract:\n  ocr:\n    languages: [eng, zzz]\n');
	const result = await runPrecis(['extract', '--json', '--config', config, join(fixtures, 'page.png')]);
	t.is(result.code, 1);
	t.is(result.stdout, '');
	t.regex(result.stderr, /extract\.ocr\.languages: expected a language whose data is installed, got "zzz": install it with `npm install @tesseract\.js-data\/zzz`/);
	t.regex(result.stderr, /hint: npm install @tesseract\.js-data\/zzz/);
	t.false(result.stderr.includes('    at '));
});
