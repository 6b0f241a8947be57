import test from 'ava';
import Database from 'better-sqlite3';
import {writeFileSync} from 'node:fs';
import {createServer, type AddressInfo} from 'node:net';
import {join} from 'node:path';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';

interface ChunkJson {
	index: number;
	tokens: number;
	text: string;
	pages: [number, number] | null;
	headings: string[];
}

interface PlanJson {
	oneCall: boolean;
	fieldsRide: 'whole' | 'map' | 'none' | null;
	chunkTokens: number;
	chunks: ChunkJson[];
}

/** The map stage's chunks a run recorded (its one document), and how many of its calls answered the fields beside a summary. */
function readRun(db: string): {chunks: Array<Pick<ChunkJson, 'tokens' | 'pages'>>; riddenCalls: number} {
	const database = new Database(db, {readonly: true, fileMustExist: true});
	try {
		const rows = database.prepare('SELECT tokens, page_first, page_last FROM chunks ORDER BY chunk_index').all() as Array<{tokens: number; page_first: number | null; page_last: number | null}>;
		const outputs = database.prepare('SELECT output FROM model_calls').pluck().all() as string[];
		return {
			chunks: rows.map(row => ({tokens: row.tokens, pages: row.page_first === null ? null : [row.page_first, row.page_last!]})),
			// A ridden call's grammar-constrained answer opens with the fields (docs/fields.md).
			riddenCalls: outputs.filter(output => /^\s*\{\s*"fields"/.test(output)).length,
		};
	} finally {
		database.close();
	}
}

test('precis chunk --json: chunks within the budget, with pages and headings, byte-identical on a rerun; --plan: the same chunks and how they are sent', async t => {
	const model = await getSyntheticModel('tiny');
	const docx = join(process.cwd(), 'fixtures', 'docx', 'headings-lists-table.docx');
	const args = ['chunk', docx, '--model', model, '--threads', '1', '--chunk-tokens', '40', '--json'];
	const first = await runPrecis(args);
	t.is(first.code, 0, first.stderr);
	const chunks = JSON.parse(first.stdout) as ChunkJson[];
	t.regex(first.stderr, /fits one call .*chunks of at most 40 tokens/, 'the plan line goes beside the JSON');
	const plan = JSON.parse((await runPrecis([...args.slice(0, -1), '--plan'])).stdout) as PlanJson;
	t.deepEqual(plan.chunks, chunks);
	const both = await runPrecis([...args, '--plan']);
	t.is(both.code, 1);
	t.regex(both.stderr, /E_USAGE: --json and --plan cannot be used together/);
	t.true(chunks.length > 1);
	t.deepEqual(chunks.map(chunk => chunk.index), chunks.map((_, index) => index));
	t.like(plan, {oneCall: true, fieldsRide: null, chunkTokens: 40}, 'the document fits one call; no fields');
	for (const chunk of chunks) {
		t.true(chunk.tokens > 0 && chunk.tokens <= 40, `chunk ${chunk.index}: ${chunk.tokens} tokens`);
		t.is(chunk.pages, null);
		t.deepEqual(Object.keys(chunk), ['index', 'tokens', 'text', 'pages', 'headings']);
	}
	t.true(chunks.some(chunk => chunk.headings.length > 0), 'DOCX headings become heading paths');
	const second = await runPrecis(args);
	t.is(second.stdout, first.stdout, 'same input, same output');

	const pdf = await runPrecis(['chunk', join(process.cwd(), 'fixtures', 'pdf', 'running-headers.pdf'), '--model', model, '--threads', '1', '--chunk-tokens', '60', '--json']);
	t.is(pdf.code, 0, pdf.stderr);
	const pdfChunks = JSON.parse(pdf.stdout) as ChunkJson[];
	t.is(pdfChunks[0]?.pages?.[0], 1);
	t.true((pdfChunks.at(-1)?.pages?.[1] ?? 0) > 1, 'later chunks sit on later pages');
});

test('with fields, precis chunk shows the smaller chunks the fields ride on, as the run sends them; without, the summary-only chunks, as that run sends them', async t => {
	const work = createTempDir(t);
	const model = await getSyntheticModel('tiny');
	const pdf = join(process.cwd(), 'fixtures', 'verify', 'multi-page-report.pdf');
	const plain = join(work, 'plain.yaml');
	writeFileSync(plain, 'name: plain\nsummarize:\n  maxOutputTokens: 96\nengine:\n  threads: 1\n  contextSize: 1400\n');
	const withFields = join(work, 'fields.yaml');
	writeFileSync(withFields, 'name: fields\nsummarize:\n  maxOutputTokens: 96\nengine:\n  threads: 1\n  contextSize: 1400\nfields:\n  - name: amount\n    type: number\n');
	const planOf = async (config: string): Promise<PlanJson> => {
		const result = await runPrecis(['chunk', pdf, '--config', config, '--model', model, '--plan']);
		t.is(result.code, 0, result.stderr);
		return JSON.parse(result.stdout) as PlanJson;
	};
	const runOf = async (config: string) => {
		const db = join(work, `${config.endsWith('fields.yaml') ? 'fields' : 'plain'}.db`);
		const result = await runPrecis(['run', pdf, '--config', config, '--model', model, '--db', db]);
		t.is(result.code, 0, result.stderr);
		return readRun(db);
	};
	const summaryOnly = await planOf(plain);
	const ridden = await planOf(withFields);
	t.like(summaryOnly, {oneCall: false, fieldsRide: null});
	t.like(ridden, {oneCall: false, fieldsRide: 'map'});
	t.true(ridden.chunkTokens < summaryOnly.chunkTokens, `a ridden chunk leaves room for the fields: ${ridden.chunkTokens} < ${summaryOnly.chunkTokens}`);
	t.true(ridden.chunks.length > summaryOnly.chunks.length, `more, smaller chunks: ${ridden.chunks.length} > ${summaryOnly.chunks.length}`);
	for (const chunk of ridden.chunks) t.true(chunk.tokens <= ridden.chunkTokens);

	const shown = (plan: PlanJson) => plan.chunks.map(chunk => ({tokens: chunk.tokens, pages: chunk.pages}));
	const fieldsRun = await runOf(withFields);
	t.deepEqual(fieldsRun.chunks, shown(ridden), 'the run cuts the chunks precis chunk shows: tokens and pages');
	t.is(fieldsRun.riddenCalls, ridden.chunks.length, 'one map call carrying the fields per chunk shown');
	const plainRun = await runOf(plain);
	t.deepEqual(plainRun.chunks, shown(summaryOnly));
	t.is(plainRun.riddenCalls, 0);
});

test('a remote model that cannot be reached fails fast with E_MODEL_UNAVAILABLE and the fix', async t => {
	// A server that drops every connection: failing fast means a few attempts, not a retry loop.
	let connections = 0;
	const server = createServer(socket => {
		connections++;
		socket.destroy();
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => server.close());
	const {port} = server.address() as AddressInfo;
	for (const args of [['models', 'pull', 'hf:nobody/no-such-repo/model.gguf'], ['chunk', join(process.cwd(), 'fixtures', 'samples', 'project-notes.md'), '--model', 'hf:nobody/no-such-repo/model.gguf']]) {
		const result = await runPrecis(args, {env: {HF_ENDPOINT: `http://127.0.0.1:${port}`}});
		t.is(result.code, 1, JSON.stringify({args, connections, ...result}));
		t.regex(result.stderr, /E_MODEL_UNAVAILABLE/);
		t.regex(result.stderr, /precis models pull/);
		t.false(result.stderr.includes('    at '));
	}
	t.true(connections >= 2, 'the configured endpoint (HF_ENDPOINT) is the one probed');
	t.true(connections <= 6, `${connections} connection attempts: a download that cannot start must not be retried at length`);
});
