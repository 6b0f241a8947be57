import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import type {CompletionRequest} from '../../../src/engine/Engine.js';
import {planSummaryCalls} from '../../../src/summarize/planSummaryCalls.js';
import {summarizeDocument, type CallModel} from '../../../src/summarize/summarizeDocument.js';
import type {SummaryRider} from '../../../src/summarize/SummaryRider.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

// summarizeDocument with a rider, on a scripted engine (word tokenizer; it refuses any prompt that
// does not fit): which calls carry it, their budgets, and how a combined answer is split.

const rider: SummaryRider = {key: 'fields', outputTokens: 100, instructions: 'Name the part you read.', jsonSchema: {type: 'object'}};

function callEngine(engine: ScriptedEngine): CallModel {
	return async request => {
		const result = await engine.complete(request);
		return {text: result.text, outputTokens: result.outputTokens, cached: false};
	};
}

function schemaKeys(request: CompletionRequest): string[] {
	return Object.keys((request.jsonSchema as {properties?: object} | undefined)?.properties ?? {});
}

const summarize = (style: 'paragraph' | 'json', maxOutputTokens = 120) => ({...DEFAULT_CONFIG.summarize, style, maxOutputTokens});

test('a document that fits: one call, whose output carries the rider\'s answer first and then the json summary, with both outputs\' tokens', async t => {
	const engine = new ScriptedEngine({contextSize: 1024, answer: () => '{"fields": {"part": "all"}, "title": "T", "summary": "S.", "key_points": ["k"]}'});
	const options = {engine, callModel: callEngine(engine), summarize: summarize('json'), chunk: {maxTokens: 0, overlapTokens: 0}};
	const input = {text: createProse(5, 1), title: 'Doc'};
	const plan = planSummaryCalls(input, options, rider);
	t.like(plan, {calls: 'single', ride: 'whole', rider});
	const summary = await summarizeDocument(input, {...options, plan});
	t.is(engine.calls.length, 1);
	t.deepEqual(schemaKeys(engine.calls[0]!), ['fields', 'title', 'summary', 'key_points']);
	t.is(engine.calls[0]!.maxTokens, 120 + 100);
	t.regex(engine.calls[0]!.messages.at(-1)!.content, /TEXT>>>\n\nAlso, from the same text: Name the part you read\.\nAnswer with one JSON object: "fields" holds these answers, then "title", "summary" and "key_points"/);
	t.like(summary, {summary: 'S.', title: 'T', keyPoints: ['k'], riderAnswers: [{part: 'all'}], calls: 1});
});

test('a long document: every map call carries the rider, in document order; collapse and reduce do not; every prompt fits', async t => {
	const engine = new ScriptedEngine({
		contextSize: 1024,
		answer: request => schemaKeys(request).includes('fields')
			? JSON.stringify({fields: {part: /^Part (\d+) of/.exec(request.messages.at(-1)!.content)?.[1] ?? request.messages.at(-1)!.content.length}, summary: 'A partial summary.'})
			: 'The final summary.',
	});
	const options = {engine, callModel: callEngine(engine), summarize: {...summarize('paragraph'), prompts: {...DEFAULT_CONFIG.summarize.prompts, map: `Part {{part}} of {{parts}}. ${DEFAULT_CONFIG.summarize.prompts.map}`}}, chunk: {maxTokens: 0, overlapTokens: 0}};
	const input = {text: createProse(200, 2), title: 'Doc'};
	const plan = planSummaryCalls(input, options, rider);
	t.like(plan, {calls: 'map', ride: 'map', rider});
	const summary = await summarizeDocument(input, {...options, plan});
	const maps = engine.calls.filter(request => schemaKeys(request).includes('fields'));
	t.true(summary.chunks.length >= 3, `${summary.chunks.length} chunks`);
	t.is(maps.length, summary.chunks.length, 'one ridden call per chunk');
	t.deepEqual(summary.riderAnswers, summary.chunks.map((_, index) => ({part: String(index + 1)})));
	t.true(engine.calls.length > maps.length, 'a reduce (and any collapse) besides');
	t.true(engine.calls.filter(request => !schemaKeys(request).includes('fields')).every(request => request.maxTokens === 120));
	t.is(summary.summary, 'The final summary.');
	const plainChunks = (await summarizeDocument(input, options)).chunks.length;
	t.true(summary.chunks.length <= plainChunks * 2 + 1, `riding keeps chunks at least half as large: ${summary.chunks.length} vs ${plainChunks}`);
});

test('where the rider would not fit, or would halve the chunks, it does not ride; carried there anyway, the call is refused before it is sent', async t => {
	const engine = new ScriptedEngine({contextSize: 1024, answer: () => 'A summary.'});
	const options = {engine, callModel: callEngine(engine), summarize: summarize('paragraph', 300), chunk: {maxTokens: 0, overlapTokens: 0}};
	const heavy: SummaryRider = {...rider, outputTokens: 300};
	const short = {text: createProse(30, 3), title: 'Doc'};
	const ride = (input: typeof short, plannedWith: typeof options, carried: SummaryRider) => planSummaryCalls(input, plannedWith, carried).ride;
	t.is(ride(short, options, rider), 'whole');
	t.is(ride(short, options, heavy), 'none', 'fits one summary call, not one carrying 300 more output tokens');
	const long = {text: createProse(200, 4), title: 'Doc'};
	t.is(ride(long, options, heavy), 'none', 'a ridden chunk would be less than half a summary-only one');
	const capped = {...options, chunk: {maxTokens: 150, overlapTokens: 0}};
	t.is(ride(long, capped, heavy), 'map', 'capped by chunk.maxTokens, the chunks stay the same');
	t.deepEqual(planSummaryCalls(long, capped, heavy), {...planSummaryCalls(long, capped), ride: 'map', rider: heavy});
	const forced = {...planSummaryCalls(short, options, rider), rider: heavy};
	await t.throwsAsync(summarizeDocument(short, {...options, plan: forced}), {code: 'E_PROMPT_TOO_LONG', message: /planner bug/});
	t.is(engine.calls.length, 0, 'no prompt over the context reaches the engine');
});

test('a combined answer cut at its output tokens keeps the rider\'s answer; one that is not JSON is kept as the summary, with warnings', async t => {
	const cut = new ScriptedEngine({contextSize: 1024, answer: () => '{"fields": {"part": "all"}, "summary": "The text says th'});
	const input = {text: createProse(5, 5), title: 'Doc'};
	const options = (engine: ScriptedEngine) => {
		const plain = {engine, callModel: callEngine(engine), summarize: summarize('paragraph'), chunk: {maxTokens: 0, overlapTokens: 0}};
		return {...plain, plan: planSummaryCalls(input, plain, rider)};
	};
	const closed = await summarizeDocument(input, options(cut));
	t.like(closed, {summary: 'The text says th', riderAnswers: [{part: 'all'}]});
	t.regex(closed.warnings.join('\n'), /was cut at its output tokens and has been closed/);
	const prose = new ScriptedEngine({contextSize: 1024, answer: () => 'Just a summary, no JSON.'});
	const kept = await summarizeDocument(input, options(prose));
	t.like(kept, {summary: 'Just a summary, no JSON.', riderAnswers: [undefined]});
	t.regex(kept.warnings.join('\n'), /did not return the combined JSON answer/);
});

test('the same warning from several map calls is one line naming its parts, not one line a part', async t => {
	// Parts 1 and 2 and the last part answer cut; the others answer whole.
	const answer = (part: number, parts: number) => part <= 2 || part === parts
		? '{"fields": {"part": "cut"}, "summary": "Cut sho'
		: '{"fields": {"part": "whole"}, "summary": "A partial summary."}';
	const engine = new ScriptedEngine({
		contextSize: 1024,
		answer: request => {
			const [, part, parts] = /^Part (\d+) of (\d+)/.exec(request.messages.at(-1)!.content) ?? [];
			return part === undefined ? 'The final summary.' : answer(Number(part), Number(parts));
		},
	});
	const options = {engine, callModel: callEngine(engine), summarize: {...summarize('paragraph'), prompts: {...DEFAULT_CONFIG.summarize.prompts, map: `Part {{part}} of {{parts}}. ${DEFAULT_CONFIG.summarize.prompts.map}`}}, chunk: {maxTokens: 0, overlapTokens: 0}};
	const input = {text: createProse(200, 6), title: 'Doc'};
	const summary = await summarizeDocument(input, {...options, plan: planSummaryCalls(input, options, rider)});
	const parts = summary.chunks.length;
	t.true(parts >= 4, `${parts} parts`);
	const cut = summary.warnings.filter(warning => warning.includes('was cut at its output tokens'));
	t.deepEqual(cut.map(warning => warning.split(':')[0]), [`parts 1-2; ${parts} of ${parts}`]);
});
