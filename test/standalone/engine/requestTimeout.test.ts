import test from 'ava';
import {spawn} from 'node:child_process';
import {createServer, type AddressInfo, type Server} from 'node:net';

/** A server that accepts every connection and resets it at once. */
async function startResettingServer(t: {teardown: (fn: () => void) => void}): Promise<string> {
	const server: Server = createServer(socket => socket.destroy());
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => server.close());
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Runs `code` in a Node process of its own, with nothing else to keep it alive: the request under
 * test is all its event loop has. Resolves with its exit code and output.
 */
async function runAlone(code: string): Promise<{code: number | null; output: string}> {
	const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (data: string) => { output += data; });
	child.stderr.setEncoding('utf8').on('data', (data: string) => { output += data; });
	return new Promise(resolve => child.on('close', exitCode => resolve({code: exitCode, output})));
}

const requestJsonModule = new URL('../../../src/engine/openai/requestJson.ts', import.meta.url).href;

// Node's fetch can leave a request to a server that resets connections pending forever; with the
// deadline's timer unref'd (AbortSignal.timeout) the process then exited 0, printing nothing.
test('a call to a server that resets every connection fails (as a lost connection or a timeout), several times over', async t => {
	const url = await startResettingServer(t);
	for (let attempt = 0; attempt < 3; attempt++) {
		const result = await runAlone(`
			const {requestJson} = await import(${JSON.stringify(requestJsonModule)});
			try {
				await requestJson(${JSON.stringify(`${url}/v1/models`)}, {timeoutMs: 2000});
				console.log('answered');
			} catch (error) {
				console.log('failed:', error.kind);
				process.exitCode = 3;
			}`);
		t.is(result.code, 3, result.output);
		t.regex(result.output, /failed: (connection|timeout)/);
	}
});

test('the model host probe asks the configured mirror and fails the same way instead of ending the process silently', async t => {
	const url = await startResettingServer(t);
	const resolveModule = new URL('../../../src/engine/resolveModelPath.ts', import.meta.url).href;
	for (let attempt = 0; attempt < 3; attempt++) {
		const result = await runAlone(`
			process.env.HF_ENDPOINT = ${JSON.stringify(url)};
			const {resolveModelPath} = await import(${JSON.stringify(resolveModule)});
			try {
				await resolveModelPath('hf:nobody/no-such-repo/model.gguf', {modelsDir: ${JSON.stringify(`/tmp/precis-no-models-${process.pid}`)}, probeTimeoutMs: 2000});
				console.log('resolved');
			} catch (error) {
				console.log('failed:', error.code, error.message);
				process.exitCode = 3;
			}`);
		t.is(result.code, 3, result.output);
		t.regex(result.output, /failed: E_MODEL_UNAVAILABLE/);
		t.true(result.output.includes(url), 'the host probed is the configured mirror (HF_ENDPOINT)');
	}
});
