/**
 * Child process: the model calls and prompt tokens that extracting a pipeline's fields takes on each
 * document, all fields at once (what precis does) and one call per field. Counted with the model's
 * own tokenizer by running extractFields with a call function that records each request and answers
 * `{}` (all null) without generating: a field set without questions never makes a merge call, so
 * the calls and prompt tokens do not depend on the answers.
 * argv: pipeline file, model, document paths...
 */
import {resolveConfig} from '../../src/config/resolveConfig.js';
import {createEngine} from '../../src/engine/createEngine.js';
import {extractFields} from '../../src/fields/extractFields.js';
import {toFieldItems} from '../../src/fields/FieldItem.js';
import {readDocument} from '../../src/ingest/readDocument.js';
import type {CallModel} from '../../src/summarize/summarizeDocument.js';

const [pipelineFile = '', model = '', ...paths] = process.argv.slice(2);
const {config} = resolveConfig({config: pipelineFile, overrides: {'engine.model': model}});
const engine = await createEngine(config.engine);
const {timeoutSeconds: _timeout, maxMemoryMb: _memory, workers: _workers, ...limits} = config.extract;
const items = toFieldItems(config.fields, config.questions);
const call = {maxOutputTokens: config.summarize.maxOutputTokens, temperature: 0, seed: 0, system: config.summarize.prompts.system};
const recordNothing: CallModel = () => Promise.resolve({text: '{}', outputTokens: 0, cached: false});
const documents = [];
for (const path of paths) {
	const document = await readDocument(path, limits);
	const input = {text: document.text, title: document.title ?? path, pageStarts: document.pageStarts};
	const count = async (asked: typeof items) => {
		const extraction = await extractFields(input, {engine, callModel: recordNothing, items: asked, call, chunk: config.chunk});
		return {calls: extraction.calls, promptTokens: extraction.promptTokens};
	};
	const allAtOnce = await count(items);
	const perField = {calls: 0, promptTokens: 0};
	for (const item of items) {
		const one = await count([item]);
		perField.calls += one.calls;
		perField.promptTokens += one.promptTokens;
	}
	documents.push({path, documentTokens: engine.tokenizer.countTokens(document.text), allAtOnce, perField});
}
await engine.close();
process.stdout.write(`${JSON.stringify({fields: items.length, contextSize: engine.contextSize, maxOutputTokens: call.maxOutputTokens, documents})}\n`);
