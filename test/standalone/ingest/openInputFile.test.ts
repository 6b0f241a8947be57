import test from 'ava';
import {execFileSync} from 'node:child_process';
import {mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {createInputGuard, type Admission} from '../../../src/ingest/createInputGuard.js';
import {ExtractionPool} from '../../../src/ingest/ExtractionPool.js';
import {openInputFile} from '../../../src/ingest/openInputFile.js';
import {hashFile} from '../../../src/run/hashFile.js';
import {createTempDir} from '../../helpers/createTempDir.js';

/** An inbox with `report.txt` admitted, and a private file beside the inbox. */
async function admitReport(t: Parameters<typeof createTempDir>[0]): Promise<{inbox: string; outside: string; report: string; admitted: Extract<Admission, {kind: 'file'}>}> {
	const root = createTempDir(t);
	const inbox = join(root, 'inbox');
	const outside = join(root, 'outside');
	mkdirSync(inbox);
	mkdirSync(outside);
	const report = join(inbox, 'report.txt');
	writeFileSync(report, 'The report as it was when precis checked it.');
	writeFileSync(join(outside, 'report.txt'), 'PRIVATE words that must never be read.');
	const guard = await createInputGuard([inbox], 'inside');
	const admitted = await guard.admit(report);
	if (admitted.kind !== 'file') throw new Error(`report.txt was not admitted: ${JSON.stringify(admitted)}`);
	return {inbox, outside, report, admitted};
}

test('a file swapped for a link to a file outside after it was admitted is not read: not hashed, not extracted in the child process', async t => {
	const {outside, report, admitted} = await admitReport(t);
	rmSync(report);
	symlinkSync(join(outside, 'report.txt'), report);
	await t.throwsAsync(openInputFile(admitted.path, admitted.identity), {code: 'E_INPUT_CHANGED'});
	await t.throwsAsync(hashFile(admitted.path, admitted.identity), {code: 'E_INPUT_CHANGED'});
	await using pool = ExtractionPool.fromConfig(DEFAULT_CONFIG.extract, {workers: 1});
	await t.throwsAsync(pool.extract(admitted.path, admitted.identity), {code: 'E_INPUT_CHANGED'});
	// The same file named by the user is read through the link, as asked.
	t.regex((await pool.extract(report)).text, /PRIVATE/);
});

test('a file replaced by another file, or under a folder swapped for a link, is refused by its identity', async t => {
	const {inbox, report, admitted} = await admitReport(t);
	writeFileSync(join(inbox, 'other.txt'), 'another file renamed over the report');
	renameSync(join(inbox, 'other.txt'), report);
	await t.throwsAsync(openInputFile(admitted.path, admitted.identity), {code: 'E_INPUT_CHANGED'});

	const swapped = await admitReport(t);
	renameSync(swapped.inbox, `${swapped.inbox}.old`);
	symlinkSync(swapped.outside, swapped.inbox);
	await t.throwsAsync(openInputFile(swapped.admitted.path, swapped.admitted.identity), {code: 'E_INPUT_CHANGED'});
});

test('the file admitted is read when it is unchanged; a FIFO is never opened, even when named', async t => {
	const {admitted} = await admitReport(t);
	const {sha256, bytes} = await hashFile(admitted.path, admitted.identity);
	t.is(bytes, 'The report as it was when precis checked it.'.length);
	t.regex(sha256, /^[\da-f]{64}$/);
	const fifo = join(createTempDir(t), 'pipe.txt');
	execFileSync('mkfifo', [fifo]);
	// Opening a FIFO for reading would wait for a writer forever: a hang fails the test by its timeout.
	await t.throwsAsync(openInputFile(fifo, undefined), {code: 'E_UNSUPPORTED_FORMAT', message: /not a regular file/});
	t.like(await (await createInputGuard([fifo], 'inside')).admit(fifo), {kind: 'refused', reason: 'special-file'});
});
