import test from 'ava';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runPrecis} from '../../helpers/runPrecis.js';

test('status and export on a database that does not exist say so, and create nothing', async t => {
	const db = join(createTempDir(t), 'missing', 'precis.db');
	for (const args of [['status', '--db', db], ['export', '--db', db, '--format', 'csv']]) {
		const result = await runPrecis(args);
		t.is(result.code, 1, args.join(' '));
		t.regex(result.stderr, /^precis: E_USAGE: no precis database at .*missing\/precis\.db/);
	}
	t.false(existsSync(db));
});

test('a misspelt flag stops the command before it does anything', async t => {
	const work = createTempDir(t);
	const db = join(work, 'p.db');
	const result = await runPrecis(['run', join(process.cwd(), 'fixtures', 'samples'), '--db', db, '--modle', 'model.gguf'], {cwd: work});
	t.is(result.code, 1, result.stderr);
	t.regex(result.stderr, /^precis: E_USAGE: Unknown argument: modle\n/);
	t.false(result.stderr.includes('    at '));
	t.false(existsSync(db), 'the run never started: no database was created');
});

test('under --log-format json a fatal error is one JSON line too', async t => {
	const work = createTempDir(t);
	const result = await runPrecis(['run', join(process.cwd(), 'fixtures', 'samples'), '--db', join(work, 'p.db'), '--model', join(work, 'missing.gguf'), '--log-format', 'json'], {cwd: work});
	t.is(result.code, 1, result.stderr);
	const lines = result.stderr.trim().split('\n');
	const last = JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
	t.like(last, {event: 'error', code: 'E_MODEL_UNAVAILABLE'});
	t.regex(String(last['message']), /missing\.gguf/);
	t.true(lines.every(line => line.startsWith('{')), 'every stderr line is JSON');
});

test('help, version and completion print their text and exit 0', async t => {
	for (const [args, expected] of [[['--help'], /precis export/], [['run', '--help'], /Examples:/], [['--version'], /^\d+\.\d+\.\d+/], [['completion'], /precis/]] as const) {
		const result = await runPrecis(args);
		t.is(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
		t.regex(result.stdout, expected);
		t.is(result.stderr, '');
	}
});
