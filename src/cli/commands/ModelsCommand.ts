import type {CommandModule} from 'yargs';
import {pullModel} from '../../engine/pullModel.js';
import {addPipelineFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {commandIndex} from '../commandIndex.js';

export interface ModelsPullCommand extends Pick<ConfigFlags, 'config' | 'pipeline'> {
	uri?: string;
}

const _pull: CommandModule<object, ModelsPullCommand> = {
	command: 'pull [uri]',
	describe: 'Download a model (hf: URI or https URL; the pipeline\'s model by default) into engine.modelsDir',
	builder: argv => addPipelineFlags(argv)
		.positional('uri', {type: 'string', describe: 'hf:<user>/<repo>/<file>.gguf or an https URL'}) as never,
	async handler(args) {
		const {config} = resolveConfigFromFlags({config: args.config, pipeline: args.pipeline});
		const path = await pullModel(args.uri ?? config.engine.model, config.engine.modelsDir, {showProgress: process.stderr.isTTY === true});
		process.stdout.write(`${path}\n`);
	},
};

/** `precis models pull [uri]`: fetch a model once, so runs work offline afterwards. */
export const ModelsCommand: CommandModule = {
	command: commandIndex.models.command,
	describe: commandIndex.models.describe,
	builder: argv => argv.command(_pull).demandCommand(1, 'Name a models command; see precis models --help'),
	handler: () => undefined,
};
