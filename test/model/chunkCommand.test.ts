import test from 'ava';
import {createServer, type AddressInfo} from 'node:net';
import {join} from 'node:path';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';

interface ChunkJson {
	index: number;
	tokens: number;
	text: string;
	pages: [number, number] | null;
	headings: string[];
}

test('precis chunk --json: chunks within the budget, with pages and headings, byte-identical on a rerun', async t => {
	const model = await getSyntheticModel('tiny');
	const docx = join(process.cwd(), 'fixtures', 'docx', 'headings-lists-table.docx');
	const args = ['chunk', docx, '--model', model, '--threads', '1', '--chunk-tokens', '40', '--json'];
	const first = await runPrecis(args);
	t.is(first.code, 0, first.stderr);
	const chunks = JSON.parse(first.stdout) as ChunkJson[];
	t.true(chunks.length > 1);
	t.deepEqual(chunks.map(chunk => chunk.index), chunks.map((_, index) => index));
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
