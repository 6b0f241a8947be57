import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import type {ChatMessage} from '../../../src/engine/Engine.js';
import {checkSummary, type RepairContext} from '../../../src/run/checkDocumentSummary.js';
import type {DocumentSummary, ModelCallRequest} from '../../../src/summarize/summarizeDocument.js';

const _source = 'The bridge on Elm Street reopened on 4 May 2024 after repairs that cost $2.1 million. Engineer Ana Ruiz led the work.\n\nTraffic returned to 12,000 cars a day.';
const _document = {text: _source, pageStarts: [0]};

function _drafted(summary: string): DocumentSummary {
	return {summary, chunks: [], collapseLevels: 0, calls: 1, cachedCalls: 0, promptTokens: 100, outputTokens: 20, maxPromptTokens: 100, warnings: []};
}

/** A scripted model: records each request and answers with the next scripted text. */
function _context(answers: string[], contextSize = 4096): RepairContext & {requests: ModelCallRequest[]} {
	const requests: ModelCallRequest[] = [];
	return {
		requests, title: 'Elm Street bridge', summarize: DEFAULT_CONFIG.summarize,
		engine: {contextSize, countPromptTokens: (messages: readonly ChatMessage[]) => Math.ceil(messages.reduce((sum, message) => sum + message.content.length, 0) / 4)},
		callModel: async request => {
			requests.push(request);
			return {text: answers.shift() ?? '', outputTokens: 10, cached: false};
		},
	};
}

const _settings = (repair: boolean) => ({enabled: true, supportThreshold: 0.4, repair});

test('with repair, a corrected summary with fewer unsupported facts replaces the first; both are recorded', async t => {
	const context = _context(['The Elm Street bridge reopened on 4 May 2024 after $2.1 million of repairs led by Ana Ruiz.']);
	const {summary, verification} = await checkSummary(_document, _drafted('The Elm Street bridge reopened on 9 May 2024 after $3.5 million of repairs led by Ana Ruiz.'), _settings(true), context);
	t.is(context.requests.length, 1);
	const prompt = context.requests[0]!.messages.at(-1)!.content;
	t.true(prompt.includes('date: 9 May 2024') && prompt.includes('number: $3.5 million'), 'the prompt lists the unsupported facts');
	t.true(prompt.includes('The bridge on Elm Street reopened on 4 May 2024'), 'the prompt shows the nearest passage');
	t.is(summary.summary, 'The Elm Street bridge reopened on 4 May 2024 after $2.1 million of repairs led by Ana Ruiz.');
	t.is(summary.calls, 2);
	t.like(verification, {needsReview: false, unsupportedFacts: [], repair: {kept: 'repaired', original: {unsupported_facts: [{text: '9 May 2024'}, {text: '$3.5 million'}]}, repaired: {unsupported_facts: []}}});
});

test('a repair that is no better, or empty, is recorded and the first summary kept', async t => {
	for (const answer of ['The bridge reopened on 9 May 2024 after $3.5 million of work by Ana Ruiz.', '']) {
		const drafted = _drafted('The Elm Street bridge reopened on 9 May 2024 after $3.5 million of repairs.');
		const {summary, verification} = await checkSummary(_document, drafted, _settings(true), _context([answer]));
		t.is(summary, drafted);
		t.like(verification, {needsReview: true, repair: {kept: 'original', repaired: {summary: answer}}});
	}
});

test('no repair call without unsupported facts, with repair off, or when the prompt cannot fit', async t => {
	const supported = await checkSummary(_document, _drafted('Traffic returned to 12,000 cars a day.'), _settings(true), _context(['unused']));
	t.like(supported.verification, {needsReview: false, repair: null});
	const off = _context(['unused']);
	const wrong = _drafted('Traffic returned to 15,000 cars a day.');
	t.like((await checkSummary(_document, wrong, _settings(false), off)).verification, {needsReview: true, repair: null});
	t.is(off.requests.length, 0);
	const tiny = _context(['unused'], 300);
	t.is((await checkSummary(_document, wrong, _settings(true), tiny)).summary, wrong);
	t.is(tiny.requests.length, 0);
	t.deepEqual(await checkSummary(_document, wrong, {...(_settings(true)), enabled: false}, _context([])), {summary: wrong});
});
