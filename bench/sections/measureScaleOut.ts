import {startLlamaServer, type LlamaServer} from '../../scripts/testServer/startLlamaServer.js';
import {runCli, type CliRunResult} from './measureCli.js';

export interface ScaleOutRow {
	engine: string;
	run: CliRunResult;
	callsPerSecond: number | undefined;
	promptTokensPerSecond: number | undefined;
	outputTokensPerSecond: number | undefined;
}

export interface ScaleOutOptions {
	model: string;
	pipelineFile: string;
	documents: readonly string[];
	/** A fresh database path for each configuration. */
	db: (name: string) => string;
}

/**
 * The same documents through the local engine (2 sequences) and through the OpenAI-compatible
 * engine against one and two llama-server processes (2 slots each, one thread each), with the
 * real CLI: calls/s and tokens/s side by side.
 */
export async function measureScaleOut(options: ScaleOutOptions): Promise<ScaleOutRow[]> {
	const common = [...options.documents, '--config', options.pipelineFile];
	const rows: ScaleOutRow[] = [_toRow('local, 2 sequences', await runCli([...common, '--model', options.model, '--parallel', '2', '--db', options.db('local')]))];
	const servers: LlamaServer[] = [];
	try {
		for (let index = 0; index < 2; index++) servers.push(await startLlamaServer({model: options.model, parallel: 2, contextSize: 2048, threads: 1}));
		for (const count of [1, 2]) {
			const urls = servers.slice(0, count).flatMap(server => ['--base-url', server.url]);
			const run = await runCli([...common, '--engine', 'openai', ...urls, '--tokenizer', options.model, '--db', options.db(`openai-${count}`)]);
			rows.push(_toRow(`openai, ${count} llama-server × 2 slots`, run));
		}
	} finally {
		await Promise.all(servers.map(server => server.stop()));
	}
	return rows;
}

function _toRow(engine: string, run: CliRunResult): ScaleOutRow {
	const seconds = run.runSeconds;
	const rate = (value: number | undefined): number | undefined => (value === undefined || seconds === undefined || seconds === 0 ? undefined : Math.round((value / seconds) * 10) / 10);
	return {engine, run, callsPerSecond: rate(run.llmCalls), promptTokensPerSecond: rate(run.promptTokens), outputTokensPerSecond: rate(run.outputTokens)};
}
