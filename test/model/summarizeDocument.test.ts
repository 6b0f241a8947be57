import test from 'ava';
import {DEFAULT_CONFIG} from '../../src/config/defaults.js';
import {LlamaEngine} from '../../src/engine/LlamaEngine.js';
import {summarizeDocument, type CallModel, type ModelCallRequest} from '../../src/summarize/summarizeDocument.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {createProse} from '../helpers/writeSampleDocuments.js';

const engine = await LlamaEngine.create({model: await getSyntheticModel('tiny'), contextSize: 768, parallel: 2, threads: 1});
test.after.always(() => engine.close());

/** Calls the engine directly, recording every request. */
function createRecordingCallModel(requests: ModelCallRequest[]): CallModel {
	return async request => {
		requests.push(request);
		const result = await engine.complete(request);
		return {text: result.text, outputTokens: result.outputTokens, cached: false};
	};
}

test('a document that fits is summarized in one call', async t => {
	const requests: ModelCallRequest[] = [];
	const summary = await summarizeDocument({text: 'The board approved the budget for next year.', title: 'Minutes'}, {
		engine, callModel: createRecordingCallModel(requests), summarize: {...DEFAULT_CONFIG.summarize, maxOutputTokens: 32}, chunk: {maxTokens: 0, overlapTokens: 0},
	});
	t.is(requests.length, 1);
	t.is(requests[0]?.kind, 'reduce');
	t.deepEqual(summary.chunks, []);
	t.is(summary.calls, 1);
	t.true(summary.summary.length > 0);
	t.is(summary.promptTokens, engine.countPromptTokens(requests[0]?.messages ?? []));
});

test('a long document is mapped, collapsed and reduced, and no prompt exceeds the context', async t => {
	const requests: ModelCallRequest[] = [];
	const maxOutputTokens = 120;
	const summary = await summarizeDocument({text: createProse(400, 7), title: 'Long report'}, {
		engine, callModel: createRecordingCallModel(requests), summarize: {...DEFAULT_CONFIG.summarize, maxOutputTokens}, chunk: {maxTokens: 0, overlapTokens: 0},
	});
	const maps = requests.filter(request => request.kind === 'map');
	t.is(maps.length, summary.chunks.length);
	t.true(summary.chunks.length > 3);
	t.true(summary.collapseLevels >= 1);
	t.is(requests.at(-1)?.kind, 'reduce');
	t.is(requests.filter(request => request.kind === 'reduce').length, 1);
	for (const request of requests) t.true(engine.countPromptTokens(request.messages) + maxOutputTokens <= engine.contextSize);
	t.is(summary.maxPromptTokens, Math.max(...requests.map(request => request.promptTokens)));
	t.deepEqual(summary.warnings, []);
});

test('the json style is constrained by a schema and parsed into title, summary and key points', async t => {
	const requests: ModelCallRequest[] = [];
	const summary = await summarizeDocument({text: createProse(6, 3), title: 'Brief'}, {
		engine, callModel: createRecordingCallModel(requests), summarize: {...DEFAULT_CONFIG.summarize, style: 'json', maxOutputTokens: 120}, chunk: {maxTokens: 0, overlapTokens: 0},
	});
	t.truthy(requests[0]?.jsonSchema);
	t.true(Array.isArray(summary.keyPoints));
	t.is(typeof summary.summary, 'string');
});

test('when partial summaries cannot shrink, the planner cuts them with a warning instead of looping', async t => {
	const requests: ModelCallRequest[] = [];
	// maxDepth 1 with long partial outputs: one collapse level is allowed, then the text is cut to fit.
	const summary = await summarizeDocument({text: createProse(500, 9), title: 'Very long'}, {
		engine, callModel: createRecordingCallModel(requests), summarize: {...DEFAULT_CONFIG.summarize, maxOutputTokens: 200, maxDepth: 1}, chunk: {maxTokens: 0, overlapTokens: 0},
	});
	t.is(requests.at(-1)?.kind, 'reduce');
	t.true(summary.warnings.some(warning => /cut to fit/.test(warning)), summary.warnings.join('; '));
	for (const request of requests) t.true(request.promptTokens + 200 <= engine.contextSize);
});
