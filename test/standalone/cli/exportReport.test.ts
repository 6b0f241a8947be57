import test from 'ava';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {openStore} from '../../../src/store/Store.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runPrecis} from '../../helpers/runPrecis.js';

/** A real database with two runs: run 1 summarized a.pdf; run 2 summarized b.pdf and failed c.pdf. */
function _writeDatabase(file: string): void {
	using store = openStore(file);
	const meta = (runId: number, sha256: string) => ({sha256, bytes: 1000, format: 'pdf', pages: 3, title: null, runId});
	const result = (runId: number, summary: string) => ({summary, keyPoints: ['one'], model: 'test-model', pipeline: 'nightly', summaryKey: 'k', promptTokens: 100, outputTokens: 20, llmCalls: 1, seconds: 2, runId});
	const first = store.startRun({pipeline: 'nightly', configHash: 'c'});
	store.markRunning('inbox/a.pdf', meta(first, 'sha-a'));
	store.markDone('inbox/a.pdf', 'sha-a', result(first, 'First <b>summary</b>.'));
	const second = store.startRun({pipeline: 'nightly', configHash: 'c'});
	store.markRunning('inbox/b.pdf', meta(second, 'sha-b'));
	store.markDone('inbox/b.pdf', 'sha-b', result(second, 'Second summary.'));
	store.markRunning('inbox/c.pdf', meta(second, 'sha-c'));
	store.markFailed('inbox/c.pdf', {sha256: 'sha-c', code: 'E_ENCRYPTED', message: 'inbox/c.pdf is encrypted', retryable: false, runId: second});
}

test('export --format html and md write readable reports of the selected documents', async t => {
	const work = createTempDir(t);
	const db = join(work, 'precis.db');
	_writeDatabase(db);
	const html = await runPrecis(['export', '--db', db, '--format', 'html', '--run', '2', '--out', join(work, 'report.html')], {cwd: work});
	t.is(html.code, 0, html.stderr);
	const page = readFileSync(join(work, 'report.html'), 'utf8');
	t.true(page.startsWith('<!doctype html>'));
	t.true(page.includes('Covers documents of run 2'));
	t.deepEqual([...page.matchAll(/<p class="path">([^<]*)<\/p>/g)].map(match => match[1]), ['inbox/b.pdf', 'inbox/c.pdf']);
	t.true(page.includes('<td><code>E_ENCRYPTED</code></td><td>1</td>'));

	const markdown = await runPrecis(['export', '--db', db, '--format', 'md'], {cwd: work});
	t.is(markdown.code, 0, markdown.stderr);
	t.deepEqual(markdown.stdout.split('\n').filter(line => line.startsWith('### ')), ['### 1. a.pdf', '### 2. b.pdf', '### 3. c.pdf']);
	t.true(markdown.stdout.includes('First \\<b\\>summary\\</b\\>.'));
	t.regex(markdown.stdout, /^Covers all documents · pipeline nightly · model test-model/m);
});
