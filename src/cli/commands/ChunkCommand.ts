import type {CommandModule} from 'yargs';
import {createEngine} from '../../engine/createEngine.js';
import {toSummarizeInput} from '../../run/toSummarizeInput.js';
import {planChunks} from '../../summarize/summarizeDocument.js';
import {addConfigFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {commandIndex} from '../commandIndex.js';
import {extractOneDocument} from '../extractOneDocument.js';

export interface ChunkCommand extends ConfigFlags {
	file: string;
	json: boolean;
}

/** `precis chunk <file>`: the chunks a document's map stage would use, counted by the model's tokenizer. */
export const ChunkCommand: CommandModule<object, ChunkCommand> = {
	command: commandIndex.chunk.command,
	describe: commandIndex.chunk.describe,
	builder: argv => addConfigFlags(argv)
		.positional('file', {type: 'string', demandOption: true, describe: 'A PDF, DOCX or text file'})
		.option('json', {type: 'boolean', default: false, describe: 'Print a JSON array of chunks'}) as never,
	async handler(args) {
		const {config} = resolveConfigFromFlags(args);
		const document = await extractOneDocument(args.file, config.extract);
		const engine = await createEngine(config.engine);
		try {
			const chunks = planChunks(toSummarizeInput(document), {engine, summarize: config.summarize, chunk: config.chunk});
			if (args.json) {
				process.stdout.write(`${JSON.stringify(chunks.map(chunk => ({index: chunk.index, tokens: chunk.tokens, text: chunk.text, pages: chunk.pages, headings: chunk.headings})))}\n`);
				return;
			}
			for (const chunk of chunks) {
				const pages = chunk.pages === null ? '' : `, pages ${chunk.pages[0]}-${chunk.pages[1]}`;
				const headings = chunk.headings.length === 0 ? '' : `, under ${chunk.headings.join(' > ')}`;
				process.stdout.write(`--- chunk ${chunk.index}: ${chunk.tokens} tokens${pages}${headings}\n${chunk.text}\n`);
			}
		} finally {
			await engine.close();
		}
	},
};
