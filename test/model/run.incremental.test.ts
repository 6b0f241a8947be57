import test from 'ava';
import {appendFileSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

interface Totals {
	llmCalls: number;
	cacheHits: number;
	documents: {total: number; done: number; failed: number; skipped: number};
}

type LogEvent = Record<string, unknown> & {event: string; path?: string};

function readEvents(stderr: string): LogEvent[] {
	return stderr.split('\n').filter(line => line.startsWith('{')).map(line => JSON.parse(line) as LogEvent);
}

test('only what changed is recomputed: a new reduce prompt reuses every map call, an edited document leaves the others alone', async t => {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	const long = join(inbox, 'long.md');
	writeFileSync(long, ['# Budget', createProse(40, 21), '# Works', createProse(40, 22), '# Staff', createProse(40, 23)].join('\n\n'));
	writeFileSync(join(inbox, 'short.txt'), createProse(3, 24));
	const model = await getSyntheticModel('tiny');
	const base = 'summarize:\n  maxOutputTokens: 48\nengine:\n  threads: 1\n  contextSize: 512\n';
	const first = join(work, 'first.yaml');
	writeFileSync(first, `name: first\n${base}`);
	const second = join(work, 'second.yaml');
	writeFileSync(second, 'extends: ./first.yaml\nname: second\nsummarize:\n  prompts:\n    reduce: "Write a one-line headline for the text between <<<TEXT and TEXT>>>, in {{language}}.\\n<<<TEXT\\n{{text}}\\nTEXT>>>"\n');
	const run = async (config: string): Promise<{totals: Totals; events: LogEvent[]}> => {
		const result = await runPrecis(['run', inbox, '--config', config, '--model', model, '--db', join(work, 'p.db'), '--json', '--log-format', 'json'], {cwd: work});
		t.is(result.code, 0, result.stderr);
		return {totals: JSON.parse(result.stdout) as Totals, events: readEvents(result.stderr)};
	};

	const initial = await run(first);
	const longDone = initial.events.find(event => event.event === 'done' && event.path?.endsWith('long.md'));
	const chunks = Number(longDone?.['chunks']);
	t.true(chunks >= 4, `the long document is chunked (${chunks} chunks)`);
	t.is(initial.totals.cacheHits, 0);

	const newReduce = await run(second);
	t.is(newReduce.totals.documents.done, 2, 'a new reduce prompt is a new summary for both');
	t.is(newReduce.totals.llmCalls, 2, 'only the two final calls are made again');
	// A shorter reduce prompt leaves more room, so fewer collapse levels may be needed; every map call is reused.
	t.true(newReduce.totals.cacheHits >= chunks, `every map call is reused (${newReduce.totals.cacheHits} cached, ${chunks} chunks)`);

	appendFileSync(long, `\n\n# Appendix\n\n${createProse(6, 25)}\n`);
	const edited = await run(second);
	t.like(edited.totals.documents, {done: 1, skipped: 1});
	t.true(edited.totals.cacheHits >= chunks - 1, `the unchanged chunks' map calls are reused (${edited.totals.cacheHits} cached of ${chunks} chunks)`);

	const unchanged = await run(second);
	t.like(unchanged.totals, {llmCalls: 0, cacheHits: 0, documents: {skipped: 2}});
});
