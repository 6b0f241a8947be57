import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {parse} from 'csv-parse/sync';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';

function _writePipeline(folder: string, name: string, verify: string): string {
	const file = join(folder, name);
	writeFileSync(file, `name: verify-e2e\nsummarize:\n  maxOutputTokens: 48\nengine:\n  threads: 1\nverify:\n${verify}`);
	return file;
}

test('the synthetic model\'s gibberish summaries need review; export, status and the closing line show it; a new threshold re-checks without model calls or extraction', async t => {
	const work = createTempDir(t);
	const model = await getSyntheticModel('tiny');
	const db = join(work, 'precis.db');
	const inputs = ['field-report.pdf', 'project-notes.md'].map(name => join(process.cwd(), 'fixtures', 'samples', name));
	const run = (config: string, extra: string[] = []) => runPrecis(['run', ...inputs, '--config', config, '--model', model, '--db', db, '--context-size', '1024', ...extra], {cwd: work});

	const first = await run(_writePipeline(work, 'a.yaml', '  supportThreshold: 0.4\n'), ['--json']);
	t.is(first.code, 0, first.stderr);
	t.like(JSON.parse(first.stdout), {documents: {done: 2}, needsReview: 2, texts: {extracted: 2, reused: 0}});
	t.regex(first.stderr, /finished run \d+: .*; 2 need review/);

	const json = JSON.parse((await runPrecis(['export', '--db', db, '--format', 'json'], {cwd: work})).stdout) as Array<Record<string, unknown>>;
	for (const record of json) {
		t.like(record, {status: 'done', needs_review: true}, String(record['path']));
		const citations = record['citations'] as Array<{text: string; pages: number[]; support: number}>;
		t.true(citations.length > 0);
		t.true(citations.some(citation => citation.support < 0.4), 'gibberish statements have no support');
		t.true(citations.every(citation => citation.support >= 0 && citation.support <= 1 && citation.pages.length <= 3));
		t.true(Array.isArray(record['unsupported_facts']));
	}
	const csv = parse((await runPrecis(['export', '--db', db, '--format', 'csv'], {cwd: work})).stdout, {columns: true}) as Array<Record<string, string>>;
	t.deepEqual(csv.map(row => row['needs_review']), ['true', 'true']);
	t.true(csv.every(row => 'cited_pages' in row && 'unsupported_facts' in row));
	const status = await runPrecis(['status', '--db', db], {cwd: work});
	t.regex(status.stdout, /^needs review: 2 documents/m);

	const keys = (): unknown[] => {
		const database = new Database(db, {readonly: true});
		try {
			return database.prepare('SELECT verify_key FROM verifications ORDER BY path').pluck().all();
		} finally {
			database.close();
		}
	};
	const before = keys();
	const rerun = await run(_writePipeline(work, 'b.yaml', '  supportThreshold: 0\n'), ['--json']);
	t.is(rerun.code, 0, rerun.stderr);
	t.like(JSON.parse(rerun.stdout), {llmCalls: 0, documents: {skipped: 2}, texts: {extracted: 0, reused: 2}}, 'checked again from the stored texts');
	const after = keys();
	t.is(after.length, 2);
	t.true(after.every((key, index) => key !== before[index]), 'both documents were checked again under the new settings');
});
