/**
 * Child process: the model calls and prompt tokens that summarizing each document with a pipeline's
 * fields takes, three ways: the fields riding on the summary calls (what precis does where planSummaryCalls
 * allows, else the next), the summary and all fields in calls of their own, and the summary and one
 * call per field (the figure to beat). Counted with the model's own tokenizer by running the real
 * planners with a call function that records each request and answers without generating: every
 * summary (partial or final) is the same fixed text, fields are all null. A field set without
 * questions makes no merge call, so the counts do not depend on the fields' answers.
 * argv: pipeline file, model, document paths...
 */
import {resolveConfig} from '../../src/config/resolveConfig.js';
import {createEngine} from '../../src/engine/createEngine.js';
import {createFieldsRider, extractFields, mergeRiddenFields} from '../../src/fields/extractFields.js';
import {toFieldItems, type FieldItem} from '../../src/fields/FieldItem.js';
import {readDocument} from '../../src/ingest/readDocument.js';
import {planSummaryCalls, type SummaryPlan} from '../../src/summarize/planSummaryCalls.js';
import {summarizeDocument, type CallModel, type ModelCallRequest} from '../../src/summarize/summarizeDocument.js';

const [pipelineFile = '', model = '', ...paths] = process.argv.slice(2);
const {config} = resolveConfig({config: pipelineFile, overrides: {'engine.model': model}});
const engine = await createEngine(config.engine);
const {timeoutSeconds: _timeout, maxMemoryMb: _memory, workers: _workers, ...limits} = config.extract;
const items = toFieldItems(config.fields, config.questions);
const call = {maxOutputTokens: config.summarize.maxOutputTokens, temperature: 0, seed: 0, system: config.summarize.prompts.system};
/** What every summary call "writes": about 60 tokens, a short partial summary. */
const partial = 'The part tells how the main people meet, what they decide and what follows from it. '.repeat(4).trim();

interface Counts {
	calls: number;
	promptTokens: number;
	/** The sum of the calls' output limits: what generation may cost at most. */
	outputBound: number;
}

/** A call function that answers without generating, and the calls it recorded. */
function createRecorder(): {callModel: CallModel; counts: Counts} {
	const counts = {calls: 0, promptTokens: 0, outputBound: 0};
	const answer = (request: ModelCallRequest): string => {
		if (request.kind === 'fields') return '{}';
		const properties = (request.jsonSchema as {properties?: Record<string, unknown>} | undefined)?.properties ?? {};
		if ('fields' in properties) return JSON.stringify({fields: {}, ...('title' in properties ? {title: 'T', key_points: []} : {}), summary: partial});
		return 'title' in properties ? JSON.stringify({title: 'T', summary: partial, key_points: []}) : partial;
	};
	const callModel: CallModel = request => {
		counts.calls++;
		counts.promptTokens += request.promptTokens;
		counts.outputBound += request.maxTokens;
		return Promise.resolve({text: answer(request), outputTokens: 0, cached: false});
	};
	return {callModel, counts};
}

const sum = (...all: Counts[]): Counts => ({
	calls: all.reduce((total, counts) => total + counts.calls, 0),
	promptTokens: all.reduce((total, counts) => total + counts.promptTokens, 0),
	outputBound: all.reduce((total, counts) => total + counts.outputBound, 0),
});
const documents = [];
for (const path of paths) {
	const document = await readDocument(path, limits);
	const input = {text: document.text, title: document.title ?? path, pageStarts: document.pageStarts};
	const summarizeOptions = {engine, summarize: config.summarize, chunk: config.chunk};
	const countSummary = async (plan?: SummaryPlan) => {
		const recorder = createRecorder();
		const summary = await summarizeDocument(input, {...summarizeOptions, callModel: recorder.callModel, ...(plan === undefined ? {} : {plan})});
		if (summary.riderAnswers !== undefined) await mergeRiddenFields(input, summary.riderAnswers, {engine, callModel: recorder.callModel, items, call, chunk: config.chunk});
		return recorder.counts;
	};
	const countFields = async (asked: readonly FieldItem[]) => {
		const recorder = createRecorder();
		await extractFields(input, {engine, callModel: recorder.callModel, items: asked, call, chunk: config.chunk});
		return recorder.counts;
	};
	const summary = await countSummary();
	const allAtOnce = await countFields(items);
	const perField = sum(...await Promise.all(items.map(async item => countFields([item]))));
	const plan = planSummaryCalls(input, summarizeOptions, createFieldsRider(items, call));
	const {ride} = plan;
	const riding = ride === 'none' ? sum(summary, allAtOnce) : await countSummary(plan);
	documents.push({path, documentTokens: engine.tokenizer.countTokens(document.text), ride, summary, riding, separate: sum(summary, allAtOnce), perField: sum(summary, perField)});
}
await engine.close();
process.stdout.write(`${JSON.stringify({fields: items.length, contextSize: engine.contextSize, maxOutputTokens: call.maxOutputTokens, documents})}\n`);
