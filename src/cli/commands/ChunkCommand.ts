import type {CommandModule} from 'yargs';
import {PipelineError} from '../../errors.js';
import {createEngine} from '../../engine/createEngine.js';
import {toFieldItems} from '../../fields/FieldItem.js';
import {planDocumentSummary} from '../../run/planDocumentSummary.js';
import {toSummarizeInput} from '../../run/toSummarizeInput.js';
import {planMapChunks, type RidePlan} from '../../summarize/planSummaryCalls.js';
import {addConfigFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {commandIndex} from '../commandIndex.js';
import {extractOneDocument} from '../extractOneDocument.js';

export interface ChunkCommand extends ConfigFlags {
	file: string;
	json: boolean;
	plan: boolean;
}

/**
 * `precis chunk <file>`: the chunks a document's map stage uses, counted by the model's tokenizer,
 * planned as a run plans them (with the pipeline's fields riding, on a database that has none of
 * them stored yet). A document that fits one call is sent whole; its chunks are then shown as a
 * summary-only map stage would cut it.
 */
export const ChunkCommand: CommandModule<object, ChunkCommand> = {
	command: commandIndex.chunk.command,
	describe: commandIndex.chunk.describe,
	builder: argv => addConfigFlags(argv)
		.positional('file', {type: 'string', demandOption: true, describe: 'A PDF, DOCX or text file'})
		.option('json', {type: 'boolean', default: false, describe: 'Print a JSON array of chunks'})
		.option('plan', {type: 'boolean', default: false, describe: 'Print the plan as JSON: {oneCall, fieldsRide, chunkTokens, chunks}'}) as never,
	async handler(args) {
		// Checked here: yargs' conflicts() counts the options' defaults as given.
		if (args.json && args.plan) throw new PipelineError('E_USAGE', '--json and --plan cannot be used together: --plan prints the chunks too', {retryable: false});
		const {config} = resolveConfigFromFlags(args);
		const document = await extractOneDocument(args.file, config.extract);
		const engine = await createEngine(config.engine);
		try {
			const input = toSummarizeInput(document);
			const items = toFieldItems(config.fields, config.questions);
			const plan = planDocumentSummary(input, items, {engine, config});
			const {chunkTokens, chunks} = plan.calls === 'map' ? plan : planMapChunks(input, {engine, summarize: config.summarize, chunk: config.chunk});
			const fieldsRide = items.length === 0 ? null : plan.ride;
			const shown = chunks.map(chunk => ({index: chunk.index, tokens: chunk.tokens, text: chunk.text, pages: chunk.pages, headings: chunk.headings}));
			if (args.plan) {
				process.stdout.write(`${JSON.stringify({oneCall: plan.calls === 'single', fieldsRide, chunkTokens, chunks: shown})}\n`);
				return;
			}
			// stdout holds the chunks alone, as it always has; how they are sent goes beside them.
			process.stderr.write(`${_describePlan(plan.calls === 'single', fieldsRide, chunkTokens, chunks.length)}\n`);
			if (args.json) {
				process.stdout.write(`${JSON.stringify(shown)}\n`);
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

/** The plan's header line: how the document is sent, where the fields ride, and the chunk budget. */
function _describePlan(oneCall: boolean, fieldsRide: RidePlan | null, chunkTokens: number, chunks: number): string {
	const sent = oneCall ? 'fits one call (the chunks below are those of a summary-only map stage)' : `${chunks} map calls`;
	const fields = fieldsRide === null ? '' : {whole: '; fields ride on the one call', map: '; fields ride on each map call', none: '; fields get calls of their own'}[fieldsRide];
	return `=== ${sent}${fields}; chunks of at most ${chunkTokens} tokens`;
}
