import yargs from 'yargs';
import {hideBin} from 'yargs/helpers';
import {isPipelineError, PipelineError, toError} from '../errors.js';
import {ChunkCommand} from './commands/ChunkCommand.js';
import {ExportCommand} from './commands/ExportCommand.js';
import {ExtractCommand} from './commands/ExtractCommand.js';
import {ModelsCommand} from './commands/ModelsCommand.js';
import {RunCommand} from './commands/RunCommand.js';
import {StatusCommand} from './commands/StatusCommand.js';
import {WatchCommand} from './commands/WatchCommand.js';
import {createLogLine} from './createLogLine.js';
import {ExitCode} from './ExitCode.js';
import {fatalErrorFormat} from './fatalErrorFormat.js';

/**
 * The precis command line. Commands live in ./commands, one module each; this is the only place
 * that catches errors at the top: a PipelineError (a user's mistake or a bad input) prints one
 * line and a hint, anything else is a bug and prints its stack.
 */
async function runCli(argv: readonly string[]): Promise<void> {
	try {
		await yargs(argv as string[])
			.scriptName('precis')
			.command(RunCommand)
			.command(WatchCommand)
			.command(ExtractCommand)
			.command(ChunkCommand)
			.command(StatusCommand)
			.command(ExportCommand)
			.command(ModelsCommand)
			.demandCommand(1, 'Name a command; see precis --help')
			.strict()
			.help()
			.alias('h', 'help')
			.version()
			.wrap(Math.min(110, process.stdout.columns || 100))
			// Throwing here keeps yargs from running the command after a usage error (an unknown or misspelt flag).
			.fail((message, error) => {
				if (error !== undefined && error !== null) throw error;
				throw new PipelineError('E_USAGE', message, {retryable: false, hint: 'run precis --help (or precis COMMAND --help) for usage'});
			})
			.parseAsync();
	} catch (thrown) {
		const error = toError(thrown);
		const log = createLogLine(fatalErrorFormat.get());
		if (isPipelineError(error)) {
			const hint = error.hint === undefined ? '' : `\nhint: ${error.hint}`;
			log({event: 'error', code: error.code, message: error.message, ...(error.hint === undefined ? {} : {hint: error.hint})}, `precis: ${error.code}: ${error.message}${hint}`);
		} else {
			log({event: 'error', code: 'E_BUG', message: error.message, stack: error.stack}, `precis: unexpected error (a bug; please report it):\n${error.stack ?? error.message}`);
		}
		process.exitCode = ExitCode.CouldNotProceed;
	}
}

await runCli(hideBin(process.argv));
