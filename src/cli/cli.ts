import yargs, {type Argv, type CommandModule} from 'yargs';
import {hideBin} from 'yargs/helpers';
import {isPipelineError, PipelineError, toError} from '../errors.js';
import {readPrecisVersion} from '../ingest/readPrecisVersion.js';
import {commandIndex, type CommandEntry, type CommandName} from './commandIndex.js';
import {createLogLine} from './createLogLine.js';
import {ExitCode} from './ExitCode.js';
import {fatalErrorFormat} from './fatalErrorFormat.js';
import {guardUnfinishedCommand} from './guardUnfinishedCommand.js';

/** Registers each command's module, loaded only when that command runs (`precis extract` need not load the LLM engine). */
const _loaders: Record<CommandName, (cli: Argv, examples: CommandEntry['examples']) => Promise<Argv>> = {
	run: async (cli, examples) => cli.command(_withExamples((await import('./commands/RunCommand.js')).RunCommand, examples)),
	watch: async (cli, examples) => cli.command(_withExamples((await import('./commands/WatchCommand.js')).WatchCommand, examples)),
	extract: async (cli, examples) => cli.command(_withExamples((await import('./commands/ExtractCommand.js')).ExtractCommand, examples)),
	chunk: async (cli, examples) => cli.command(_withExamples((await import('./commands/ChunkCommand.js')).ChunkCommand, examples)),
	status: async (cli, examples) => cli.command(_withExamples((await import('./commands/StatusCommand.js')).StatusCommand, examples)),
	export: async (cli, examples) => cli.command(_withExamples((await import('./commands/ExportCommand.js')).ExportCommand, examples)),
	verify: async (cli, examples) => cli.command(_withExamples((await import('./commands/VerifyCommand.js')).VerifyCommand, examples)),
	models: async (cli, examples) => cli.command(_withExamples((await import('./commands/ModelsCommand.js')).ModelsCommand, examples)),
};

const _names = Object.keys(commandIndex) as CommandName[];

/**
 * Registers the commands `argv` needs. A command named first: that command's module alone. A
 * command named later (after a flag, whose value could look like a command name; in a completion
 * request): every module. No command (help, version, completion, a usage error): each command's
 * index entry, which lists it without loading any module.
 */
async function _addCommands(cli: Argv, argv: readonly string[]): Promise<Argv> {
	const first = _names.find(name => name === argv[0]);
	const load = first === undefined ? (argv.some(arg => (_names as string[]).includes(arg)) ? _names : []) : [first];
	let registered = cli;
	for (const name of first === undefined ? _names : [first]) {
		const entry = commandIndex[name];
		registered = load.includes(name) ? await _loaders[name](registered, entry.examples) : registered.command(entry.command, entry.describe);
	}
	return registered;
}

/** The command with its examples added to its `--help` (every precis command's builder is a function). */
function _withExamples<U>(module: CommandModule<object, U>, examples: CommandEntry['examples']): CommandModule<object, U> {
	const {builder} = module;
	if (typeof builder !== 'function') return module;
	return {
		...module,
		builder: (argv: Argv) => examples.reduce((built, [command, description]) => built.example(command, description), (builder as (argv: Argv) => Argv<U>)(argv)),
	};
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
			// Help, version and completion return instead of calling process.exit, so the process ends as every command does.
			.exitProcess(false)
			.demandCommand(1, 'Name a command; see precis --help')
			.strict()
			.help()
			.alias('h', 'help')
			.version(readPrecisVersion())
			.completion('completion', 'Print a bash/zsh completion script (add it to ~/.bashrc or ~/.zshrc)')
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

const _finished = guardUnfinishedCommand();
await runCli(hideBin(process.argv));
_finished();
