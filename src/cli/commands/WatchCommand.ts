import type {CommandModule} from 'yargs';
import {createEngine} from '../../engine/createEngine.js';
import {LazyEngine} from '../../engine/LazyEngine.js';
import {PipelineError} from '../../errors.js';
import {ExtractionPool} from '../../ingest/ExtractionPool.js';
import type {RunResult} from '../../run/runBatch.js';
import {openStore} from '../../store/Store.js';
import {watchFolder, type WatchEvent} from '../../watch/watchFolder.js';
import {addConfigFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {createLogLine, type LogLine} from '../createLogLine.js';
import {createRunReporter} from '../createRunReporter.js';
import {ExitCode} from '../ExitCode.js';
import {onShutdownSignal} from '../onShutdownSignal.js';
import {reportRunOutcome} from '../reportRunOutcome.js';
import {commandIndex} from '../commandIndex.js';

export interface WatchCommand extends ConfigFlags {
	folders: string[];
	stableMs?: number;
	force: boolean;
	json: boolean;
}

/**
 * `precis watch [folders...]`: summarize what the folders hold and is not done yet, then follow new
 * and changed files until SIGINT or SIGTERM, which ends it with exit code 0. On a terminal it shows
 * the queue it is working through as `precis run` shows its progress; otherwise it logs one line
 * per document, plain or JSON as `--log-format` says.
 */
export const WatchCommand: CommandModule<object, WatchCommand> = {
	command: commandIndex.watch.command,
	describe: commandIndex.watch.describe,
	builder: argv => addConfigFlags(argv)
		.positional('folders', {type: 'string', array: true, default: [], describe: 'Folders (or files) to watch, recursively'})
		.option('stable-ms', {type: 'number', describe: 'Milliseconds a file\'s size and times must stay the same before it is read (watch.stableMs)'})
		.option('force', {type: 'boolean', default: false, describe: 'Summarize again even unchanged documents, ignoring cached calls'})
		.option('json', {type: 'boolean', default: false, describe: 'Print one JSON object with the run\'s totals on stdout when stopped'}) as never,
	async handler(args) {
		const {config} = resolveConfigFromFlags(args);
		const folders = args.folders.length > 0 ? args.folders : config.inputs;
		if (folders.length === 0) throw new PipelineError('E_USAGE', 'no folders to watch: name them, or set inputs: in the pipeline', {retryable: false});
		const stableMs = args.stableMs ?? config.watch.stableMs;
		if (!Number.isInteger(stableMs) || stableMs < 0) throw new PipelineError('E_USAGE', `--stable-ms must be a non-negative integer, got ${stableMs}`, {retryable: false});
		using store = openStore(config.db);
		// A watcher loads its engine at once, so that a model that cannot load stops it at start, not at the first file.
		const engine = LazyEngine.of(await createEngine(config.engine));
		const reporter = createRunReporter({format: config.log.format, interactive: process.stderr.isTTY === true && !args.json && config.log.format === 'text', store});
		const shutdown = onShutdownSignal(reporter.log);
		let result: RunResult;
		try {
			await using pool = ExtractionPool.fromConfig(config.extract);
			result = await watchFolder({
				folders, stableMs, rescanMs: config.watch.rescanMs, config, engine, store, pool, force: args.force, signal: shutdown.signal, onEvent: reporter.onEvent,
				onWatchEvent: event => _logWatchEvent(event, reporter.log),
			});
		} finally {
			reporter.stop();
			shutdown.dispose();
			await engine.close();
		}
		reportRunOutcome(result, {store, report: config.report, fields: config, json: args.json, log: createLogLine(config.log.format), ending: 'stopped'});
		// Stopping is how a watcher ends: failures are in the database (`precis status`), not in the exit code.
		process.exitCode = ExitCode.Ok;
	},
};

function _logWatchEvent(event: WatchEvent, log: LogLine): void {
	switch (event.type) {
		case 'ready':
			log({event: 'watching', folders: event.folders}, `watching ${event.folders.join(', ')} (initial scan done)`);
			break;
		case 'rescan-found':
			log({event: 'rescan-found', files: event.files}, `rescan queued ${event.files} new or changed files not (yet) seen through events`);
			break;
		case 'watch-error':
			log({event: 'watch-error', message: event.message}, `watch error: ${event.message}`);
			break;
	}
}
