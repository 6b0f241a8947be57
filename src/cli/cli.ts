import yargs, {type Argv} from 'yargs';
import {hideBin} from 'yargs/helpers';
import {isPipelineError, PipelineError, toError} from '../errors.js';
import {createLogLine} from './createLogLine.js';
import {ExitCode} from './ExitCode.js';
import {fatalErrorFormat} from './fatalErrorFormat.js';

/**
 * Registers each command, its module loaded on demand: `precis extract` need not load the LLM
 * engine that `chunk` imports (about 0.3 s of start-up). In the order `precis --help` lists them.
 */
const _commands: Record<string, (cli: Argv) => Promise<Argv>> = {
	run: async cli => cli.command((await import('./commands/RunCommand.js')).RunCommand),
	watch: async cli => cli.command((await import('./commands/WatchCommand.js')).WatchCommand),
	extract: async cli => cli.command((await import('./commands/ExtractCommand.js')).ExtractCommand),
	chunk: async cli => cli.command((await import('./commands/ChunkCommand.js')).ChunkCommand),
	status: async cli => cli.command((await import('./commands/StatusCommand.js')).StatusCommand),
	export: async cli => cli.command((await import('./commands/ExportCommand.js')).ExportCommand),
	verify: async cli => cli.command((await import('./commands/VerifyCommand.js')).VerifyCommand),
	models: async cli => cli.command((await import('./commands/ModelsCommand.js')).ModelsCommand),
};

/**
 * Registers the command that `argv` starts with, or every command when it starts otherwise (help,
 * usage errors, flags before the command: a flag's value could look like a command name).
 */
async function _addCommands(cli: Argv, argv: readonly string[]): Promise<Argv> {
	const first = argv[0];
	const named = first !== undefined && Object.hasOwn(_commands, first) ? _commands[first] : undefined;
	let registered = cli;
	for (const register of named === undefined ? Object.values(_commands) : [named]) registered = await register(registered);
	return registered;
}

/**
 * The precis command line. Commands live in ./commands, one module each; this is the only place
 * that catches errors at the top: a PipelineError (a user's mistake or a bad input) prints one
 * line and a hint, anything else is a bug and prints its stack.
 */
async function runCli(argv: readonly string[]): Promise<void> {
	try {
		const cli = await _addCommands(yargs(argv as string[]).scriptName('precis'), argv);
		await cli
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
