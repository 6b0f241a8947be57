import test from 'ava';
import {copyFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runPrecis} from '../../helpers/runPrecis.js';

const fixtures = join(process.cwd(), 'fixtures');

interface Extracted {
	path: string;
	format?: string;
	sha256?: string;
	pages?: Array<{number: number; text: string}>;
	text?: string;
	warnings?: string[];
	error?: {code: string; message: string};
}

test('one file with --json prints one JSON object', async t => {
	const file = join(fixtures, 'pdf', 'two-column-interleaved.pdf');
	const result = await runPrecis(['extract', file, '--json']);
	t.is(result.code, 0, result.stderr);
	const lines = result.stdout.trim().split('\n');
	t.is(lines.length, 1);
	const document = JSON.parse(lines[0] ?? '') as Extracted;
	t.like(document, {path: file, format: 'pdf'});
	t.regex(document.sha256 ?? '', /^[0-9a-f]{64}$/);
	t.true((document.pages?.length ?? 0) >= 1);
	t.is(document.pages?.[0]?.number, 1);
	t.deepEqual(document.warnings, []);
	t.is(document.text, document.pages?.map(page => page.text).join('\n\n'));
});

test('format comes from content: a DOCX named .pdf is read as DOCX', async t => {
	const result = await runPrecis(['extract', join(fixtures, 'docx', 'not-really.pdf'), '--json']);
	t.is(result.code, 0, result.stderr);
	t.like(JSON.parse(result.stdout) as Extracted, {format: 'docx'});
});

test('a bad file gives exit 1, a JSON error and one clear line on stderr, no stack', async t => {
	const file = join(fixtures, 'text', 'binary-garbage.txt');
	const result = await runPrecis(['extract', file, '--json']);
	t.is(result.code, 1);
	const output = JSON.parse(result.stdout) as Extracted;
	t.is(output.path, file);
	t.is(output.error?.code, 'E_UNSUPPORTED_FORMAT');
	t.true(output.error?.message.includes(file));
	t.is(result.stderr.trim().split('\n').length, 1);
	t.false(result.stderr.includes('    at '));
});

test('a folder gives JSON Lines, one per file in order, and exit 2 when some failed', async t => {
	const folder = createTempDir(t);
	copyFileSync(join(fixtures, 'docx', 'headings-lists-table.docx'), join(folder, 'a.docx'));
	copyFileSync(join(fixtures, 'text', 'latin1.txt'), join(folder, 'b.txt'));
	copyFileSync(join(fixtures, 'pdf', 'image-only.pdf'), join(folder, 'c.pdf'));
	writeFileSync(join(folder, 'd.txt'), '');
	const result = await runPrecis(['extract', folder, '--json', '--ocr', 'off']);
	t.is(result.code, 2);
	const lines = result.stdout.trim().split('\n').map(line => JSON.parse(line) as Extracted);
	t.deepEqual(lines.map(line => line.path), ['a.docx', 'b.txt', 'c.pdf', 'd.txt'].map(name => join(folder, name)));
	t.deepEqual(lines.map(line => line.error?.code ?? line.format), ['docx', 'text', 'E_NO_TEXT', 'E_NO_TEXT']);
	t.regex(lines[2]?.error?.message ?? '', /no text layer and OCR is off/);
});

test('without --json the text is printed readably', async t => {
	const result = await runPrecis(['extract', join(fixtures, 'text', 'markdown-headings.md')]);
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /^# Project Notes/);
});

test('a document over its time or memory limit is stopped with E_TIMEOUT or E_TOO_LARGE', async t => {
	const folder = createTempDir(t);
	const slow = join(folder, 'slow.yaml');
	writeFileSync(slow, 'extract:\n  timeoutSeconds: 0.001\n');
	const timedOut = await runPrecis(['extract', join(fixtures, 'pdf', 'two-column-interleaved.pdf'), '--json', '--config', slow]);
	t.is(timedOut.code, 1);
	t.is((JSON.parse(timedOut.stdout) as Extracted).error?.code, 'E_TIMEOUT');
	const tight = join(folder, 'tight.yaml');
	writeFileSync(tight, 'extract:\n  maxMemoryMb: 16\n');
	const tooBig = await runPrecis(['extract', join(fixtures, 'pdf', 'two-column-interleaved.pdf'), '--json', '--config', tight]);
	t.is(tooBig.code, 1);
	t.is((JSON.parse(tooBig.stdout) as Extracted).error?.code, 'E_TOO_LARGE');
});

test('user mistakes exit 1 with one line and no stack trace', async t => {
	for (const args of [['extract', '/no/such/file.pdf'], ['extract', 'x.txt', '--pipeline', 'no-such-pipeline'], ['extract'], ['no-such-command']]) {
		const result = await runPrecis(args);
		t.is(result.code, 1, args.join(' '));
		t.false(result.stderr.includes('    at '), args.join(' '));
		t.regex(result.stderr, /^precis: /, args.join(' '));
	}
});

test('extraction processes that cannot start: exit 1 (could not proceed), each file failing with the reason, not as corrupt', async t => {
	const breakExtractionProcesses = join(process.cwd(), 'test', 'helpers', 'breakExtractionProcesses.cjs');
	const files = [join(fixtures, 'samples', 'project-notes.md'), join(fixtures, 'samples', 'quarterly-report.docx')];
	const result = await runPrecis(['extract', '--json', ...files], {env: {NODE_OPTIONS: `--require=${breakExtractionProcesses}`}});
	t.is(result.code, 1, result.stderr);
	const outcomes = result.stdout.trim().split('\n').map(line => JSON.parse(line) as Extracted);
	t.deepEqual(outcomes.map(outcome => outcome.error?.code), ['E_CONFIG_INVALID', 'E_CONFIG_INVALID']);
	t.regex(outcomes[0]?.error?.message ?? '', /extraction processes could not start \(exit code 1: Error: a module failed to load/);
	t.is(result.stderr.match(/could not start/g)?.length, 1, 'said once on stderr');
});
