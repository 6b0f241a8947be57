import test from 'ava';
import type {ChatMessage} from '../../../src/engine/Engine.js';
import {extractFields, type ExtractFieldsOptions} from '../../../src/fields/extractFields.js';
import {toFieldItems} from '../../../src/fields/FieldItem.js';
import type {ModelCallRequest} from '../../../src/summarize/summarizeDocument.js';
import {countWordTokens} from '../chunk/testTokenizers.js';

// A scripted stand-in for the model, for the orchestration's paths (parts, merge call, bad output);
// test/model/fields.e2e.test.ts runs the same code on the real engine.
const engine: ExtractFieldsOptions['engine'] = {
	contextSize: 700,
	countPromptTokens: (messages: readonly ChatMessage[]) => messages.reduce((sum, message) => sum + countWordTokens(message.content) + 4, 0),
	tokenizer: {countTokens: countWordTokens, tokenize: () => [], detokenize: () => ''},
};
const items = toFieldItems([{name: 'fee', type: 'number'}, {name: 'kind', type: 'enum', values: ['contract', 'other'], required: true}], ['Who signed?']);
const options = (answer: (request: ModelCallRequest) => string, requests: ModelCallRequest[]): ExtractFieldsOptions => ({
	engine, items, chunk: {maxTokens: 0, overlapTokens: 0},
	call: {maxOutputTokens: 200, temperature: 0, seed: 0, system: 'You are precis.'},
	callModel: request => {
		requests.push(request);
		return Promise.resolve({text: answer(request), outputTokens: 10, cached: false});
	},
});
const sections = Array.from({length: 6}, (_, index) => `# Section ${index + 1}\n\n${'The parties agreed on many things in this section of the text. '.repeat(12)}Signed by party ${index + 1}.`);
const longText = sections.join('\n\n');

test('a document that fits is one call for every field and question, constrained to their schema', async t => {
	const requests: ModelCallRequest[] = [];
	const text = 'The fee is 12,500 euros. Signed by Acme Ltd.';
	const result = await extractFields({text, title: 'Deal', pageStarts: [0]}, options(() => '{"fee": {"value": 12500, "evidence": "The fee is 12,500 euros"}, "kind": {"value": "contract", "evidence": "Signed by"}, "q1": {"value": "Acme Ltd.", "evidence": "Signed by Acme Ltd"}}', requests));
	t.is(requests.length, 1);
	t.deepEqual(Object.keys((requests[0]?.jsonSchema as {properties: object}).properties), ['fee', 'kind', 'q1']);
	t.like(result, {parts: 1, calls: 1});
	t.like(result.items.get('fee'), {value: 12_500, pages: [1], supported: true});
	t.like(result.items.get('q1'), {value: 'Acme Ltd.', supported: true});
});

test('a long document is read in parts whose prompts fit the context; different answers get one merge call', async t => {
	const requests: ModelCallRequest[] = [];
	const answer = (request: ModelCallRequest): string => {
		if (request.level === 1) return '{"q1": {"value": "Parties 1 to 6."}}';
		const party = /Signed by party (\d)/.exec(request.messages.at(-1)!.content)?.[1] ?? '0';
		return JSON.stringify({fee: {value: null, evidence: ''}, kind: {value: Number(party) > 4 ? 'other' : 'contract', evidence: `Signed by party ${party}`}, q1: {value: `Party ${party}.`, evidence: `Signed by party ${party}`}});
	};
	const result = await extractFields({text: longText, title: 'Deal', pageStarts: [0]}, options(answer, requests));
	const parts = requests.filter(request => request.level === 0);
	t.true(parts.length >= 3, `${parts.length} parts`);
	t.true(requests.every(request => request.promptTokens + request.maxTokens <= engine.contextSize));
	t.is(requests.filter(request => request.level === 1).length, 1, 'one merge call for the question');
	t.like(result.items.get('q1'), {value: 'Parties 1 to 6.', supported: true});
	t.like(result.items.get('kind'), {value: 'contract', supported: true}, 'the majority of the parts');
	t.like(result.items.get('fee'), {value: null, supported: null});
});

test('output that is not JSON or of the wrong type gives nulls with warnings, and the extraction completes', async t => {
	const requests: ModelCallRequest[] = [];
	const result = await extractFields({text: 'A short text.', title: 'Deal', pageStarts: [0]}, options(() => 'Sorry, I cannot help with that.', requests));
	t.is(requests.length, 1);
	for (const id of ['fee', 'kind', 'q1']) {
		t.like(result.items.get(id), {value: null});
		t.regex(result.items.get(id)?.warnings[0] ?? '', /is not JSON; stored as null/);
	}
	const typed = await extractFields({text: 'A short text.', title: 'Deal', pageStarts: [0]}, options(() => '{"fee": {"value": "a lot", "evidence": "x"}, "kind": {"value": "memo", "evidence": "x"}, "q1": {"value": 5, "evidence": "A short text"}}', []));
	t.like(typed.items.get('fee'), {value: null});
	t.regex(typed.items.get('kind')?.warnings[0] ?? '', /kind: expected one of contract, other, got "memo"/);
	t.like(typed.items.get('q1'), {value: '5', supported: true});
});
