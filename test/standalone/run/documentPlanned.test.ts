import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import type {CompletionRequest} from '../../../src/engine/Engine.js';
import type {RunEvent} from '../../../src/run/RunEvent.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

// The `document-planned` event of a run (what the progress model estimates from) against the calls
// the run then sends, with a field riding on the summary calls and without: a scripted model, a
// real store and real extraction.

const _field = {name: 'owner', type: 'string' as const, description: 'Who wrote the document.'};
const _maxOutputTokens = 120;

/** A run over one text document; its plan event, the calls that reached the engine, and whether each carried the field. */
async function runOne(t: ExecutionContext, text: string, withField: boolean) {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	writeFileSync(join(inbox, 'doc.txt'), text);
	const engine = new ScriptedEngine({contextSize: 1024});
	const events: RunEvent[] = [];
	const {result} = await runScriptedBatch(t, {
		engine, db: join(work, 'p.db'), inputs: [inbox], onEvent: event => events.push(event),
		summarize: {maxOutputTokens: _maxOutputTokens},
		config: {fields: withField ? [_field] : [], verify: {...DEFAULT_CONFIG.verify, enabled: false}},
	});
	t.like(result, {documents: {done: 1}});
	const planned = events.filter((event): event is Extract<RunEvent, {type: 'document-planned'}> => event.type === 'document-planned');
	t.is(planned.length, 1);
	const ridden = (request: CompletionRequest) => Object.hasOwn((request.jsonSchema as {properties?: object} | undefined)?.properties ?? {}, 'fields');
	return {plan: planned[0]!, requests: engine.calls, ridden};
}

test('a document that fits, with a field riding on its one call: the plan gives that call\'s output limit (the summary\'s and the field\'s)', async t => {
	const text = createProse(5, 1);
	const plain = await runOne(t, text, false);
	t.is(plain.requests.length, 1);
	t.like(plain.plan, {mapCalls: 0, maxOutputTokens: _maxOutputTokens});
	t.is(plain.requests[0]!.maxTokens, _maxOutputTokens);

	const riding = await runOne(t, text, true);
	t.is(riding.requests.length, 1, 'one call for the summary and the field');
	t.true(riding.ridden(riding.requests[0]!));
	t.is(riding.requests[0]!.maxTokens, _maxOutputTokens * 2);
	t.like(riding.plan, {mapCalls: 0, maxOutputTokens: riding.requests[0]!.maxTokens}, 'fails before: the summary\'s limit alone');
});

test('a long document, with a field riding on its map calls: the plan gives the map calls\' output limit; the collapse and reduce numbers are the summary\'s alone', async t => {
	const text = createProse(200, 2);
	const plain = await runOne(t, text, false);
	const riding = await runOne(t, text, true);
	const maps = riding.requests.filter(request => riding.ridden(request));
	const tail = riding.requests.filter(request => !riding.ridden(request));
	t.true(maps.length >= 3, `${maps.length} ridden map calls`);
	t.is(riding.plan.mapCalls, maps.length);
	t.true(tail.length >= 1, 'a reduce (and any collapse) besides');
	t.true(maps.every(request => request.maxTokens === riding.plan.maxOutputTokens), `map calls' limit ${maps[0]!.maxTokens}, planned ${riding.plan.maxOutputTokens}`);
	t.true(tail.every(request => request.maxTokens === _maxOutputTokens));
	t.is(plain.plan.maxOutputTokens, _maxOutputTokens);
	// Collapse and reduce never carry the field: their budgets and template are those of the summary alone.
	t.like(riding.plan, {reduceBudget: plain.plan.reduceBudget, collapseBudget: plain.plan.collapseBudget, templateTokens: plain.plan.templateTokens, maxDepth: plain.plan.maxDepth});
	t.true(riding.plan.mapCalls > plain.plan.mapCalls, 'the ridden chunks are smaller');
});
