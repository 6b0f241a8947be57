import type {CommandModule} from 'yargs';
import {createEngine} from '../../engine/createEngine.js';
import {PipelineError} from '../../errors.js';
import {ExtractionPool} from '../../ingest/ExtractionPool.js';
import {writeReportFile} from '../../report/writeReportFile.js';
import {runBatch, type RunResult} from '../../run/runBatch.js';
import {openStore} from '../../store/Store.js';
import {addConfigFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {createRunReporter} from '../createRunReporter.js';
import {ExitCode} from '../ExitCode.js';
import {onShutdownSignal} from '../onShutdownSignal.js';

export interface RunCommand extends ConfigFlags {
	inputs: string[];
	force: boolean;
	json: boolean;
}

/** `precis run [inputs...]`: summarize every document under the inputs into the database. */
export const RunCommand: CommandModule<object, RunCommand> = {
	command: 'run [inputs..]',
	describe: 'Summarize documents (files, folders, globs; the pipeline\'s inputs when none are given)',
	builder: argv => addConfigFlags(argv)
		.positional('inputs', {type: 'string', array: true, default: [], describe: 'Files, folders or globs'})
		.option('force', {type: 'boolean', default: false, describe: 'Summarize again even unchanged documents, ignoring cached calls'})
		.option('json', {type: 'boolean', default: false, describe: 'Print one JSON object with the run\'s totals on stdout'}) as never,
	async handler(args) {
		const {config} = resolveConfigFromFlags(args);
		const inputs = args.inputs.length > 0 ? args.inputs : config.inputs;
		if (inputs.length === 0) throw new PipelineError('E_USAGE', 'no inputs: name files or folders, or set inputs: in the pipeline', {retryable: false});
		const {timeoutSeconds, maxMemoryMb, workers, ...limits} = config.extract;
		using store = openStore(config.db);
		const engine = await createEngine(config.engine);
		const reporter = createRunReporter({format: config.log.format, interactive: process.stderr.isTTY === true && !args.json && config.log.format === 'text'});
		const shutdown = onShutdownSignal(config.log.format);
		let result: RunResult;
		try {
			await using pool = new ExtractionPool({limits, timeoutSeconds, maxMemoryMb, workers});
			result = await runBatch({inputs, config, engine, store, pool, force: args.force, signal: shutdown.signal, onEvent: reporter.onEvent});
		} finally {
			reporter.stop();
			shutdown.dispose();
			await engine.close();
		}
		if (config.report.format !== 'none') {
			const file = writeReportFile(store.listDocuments({runId: result.runId}), config.report, new Date());
			process.stderr.write(config.log.format === 'json' ? `${JSON.stringify({time: new Date().toISOString(), event: 'report', path: file})}\n` : `report written to ${file}\n`);
		}
		const totals = {
			runId: result.runId, documents: result.documents, llmCalls: result.llmCalls, cacheHits: result.cacheHits,
			promptTokens: result.promptTokens, outputTokens: result.outputTokens, maxPromptTokens: result.maxPromptTokens,
			contextSize: result.contextSize, wallSeconds: Math.round(result.wallSeconds * 1000) / 1000,
		};
		if (args.json) process.stdout.write(`${JSON.stringify(totals)}\n`);
		const {total, done, failed, skipped} = result.documents;
		const line = `${result.interrupted ? 'interrupted' : 'finished'} run ${result.runId}: ${total} documents, ${done} done, ${failed} failed, ${skipped} skipped; ${result.llmCalls} model calls, ${result.cacheHits} cached; ${totals.wallSeconds} s`;
		process.stderr.write(config.log.format === 'json' ? `${JSON.stringify({time: new Date().toISOString(), event: 'finished', interrupted: result.interrupted, ...totals})}\n` : `${line}\n`);
		process.exitCode = result.interrupted ? ExitCode.CouldNotProceed : failed > 0 ? ExitCode.SomeFailed : ExitCode.Ok;
	},
};
