import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

interface _RunCounts {
	llm_calls: number;
	prompt_tokens: number;
	output_tokens: number;
	documents_done: number;
}

test('the run row counts model calls and tokens as they are made, not only when a document finishes (fails before: 0 until the end)', async t => {
	const work = createTempDir(t);
	const db = join(work, 'precis.db');
	writeFileSync(join(work, 'long.txt'), createProse(60, 1));
	const seen: _RunCounts[] = [];
	const engine = new ScriptedEngine({
		contextSize: 256,
		answer: (request, index) => {
			// What `precis status` in another process reads while this document is being worked on.
			if (index === 3) {
				const reader = new Database(db, {readonly: true});
				seen.push(reader.prepare('SELECT llm_calls, prompt_tokens, output_tokens, documents_done FROM runs ORDER BY id DESC LIMIT 1').get() as _RunCounts);
				reader.close();
			}
			return 'a partial summary of this part';
		},
	});
	const {result} = await runScriptedBatch(t, {engine, db, inputs: [work]});
	t.is(result.documents.done, 1);
	t.true(result.llmCalls > 4, `the document needs several calls (${result.llmCalls})`);
	const [during] = seen;
	t.truthy(during);
	t.is(during?.documents_done, 0, 'read while the document was still in progress');
	t.is(during?.llm_calls, 3, 'the three calls made before');
	t.true((during?.prompt_tokens ?? 0) > 0);
	t.true((during?.output_tokens ?? 0) > 0);
});
