import type {CommandModule} from 'yargs';
import {createLazyEngine} from '../../engine/createEngine.js';
import {PipelineError} from '../../errors.js';
import {ExtractionPool} from '../../ingest/ExtractionPool.js';
import {runBatch, type RunResult} from '../../run/runBatch.js';
import {openStore} from '../../store/Store.js';
import {addConfigFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {createLogLine} from '../createLogLine.js';
import {createRunReporter} from '../createRunReporter.js';
import {getRunExitCode} from '../ExitCode.js';
import {onShutdownSignal} from '../onShutdownSignal.js';
import {reportRunOutcome} from '../reportRunOutcome.js';
import {commandIndex} from '../commandIndex.js';

export interface RunCommand extends ConfigFlags {
	inputs: string[];
	force: boolean;
	retryFailed: boolean;
	json: boolean;
}

/** `precis run [inputs...]`: summarize every document under the inputs into the database. */
export const RunCommand: CommandModule<object, RunCommand> = {
	command: commandIndex.run.command,
	describe: commandIndex.run.describe,
	builder: argv => addConfigFlags(argv)
		.positional('inputs', {type: 'string', array: true, default: [], describe: 'Files, folders or globs'})
		.option('force', {type: 'boolean', default: false, describe: 'Summarize again even unchanged documents, making every model call again (the cache keeps the new outputs)'})
		.option('retry-failed', {type: 'boolean', default: false, describe: 'Summarize again every document that failed before, whatever the failure, reusing cached calls'})
		.option('json', {type: 'boolean', default: false, describe: 'Print one JSON object with the run\'s totals on stdout'}) as never,
	async handler(args) {
		const {config} = resolveConfigFromFlags(args);
		const inputs = args.inputs.length > 0 ? args.inputs : config.inputs;
		if (inputs.length === 0) throw new PipelineError('E_USAGE', 'no inputs: name files or folders, or set inputs: in the pipeline', {retryable: false});
		using store = openStore(config.db);
		// Loaded only when a document needs a model call: a rerun over unchanged documents never loads it.
		const engine = await createLazyEngine(config.engine);
		const reporter = createRunReporter({format: config.log.format, interactive: process.stderr.isTTY === true && !args.json && config.log.format === 'text', store});
		const shutdown = onShutdownSignal(reporter.log);
		let result: RunResult;
		try {
			await using pool = ExtractionPool.fromConfig(config.extract);
			result = await runBatch({inputs, config, engine, store, pool, force: args.force, retryFailed: args.retryFailed, signal: shutdown.signal, onEvent: reporter.onEvent});
		} finally {
			reporter.stop();
			shutdown.dispose();
			await engine.close();
		}
		reportRunOutcome(result, {store, report: config.report, fields: config, json: args.json, log: createLogLine(config.log.format), ending: 'finished'});
		process.exitCode = getRunExitCode(result);
	},
};
