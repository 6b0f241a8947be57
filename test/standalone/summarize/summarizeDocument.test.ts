import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {EngineError} from '../../../src/errors.js';
import {summarizeDocument, type CallModel} from '../../../src/summarize/summarizeDocument.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch} from '../../helpers/runScriptedBatch.js';
import {ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

/** A mail thread quoted three levels deep: every line starts with `>>>`, which fencing breaks up. */
function createQuotedMail(lines: number): string {
	return Array.from({length: lines}, (_, index) => `>>> ${createProse(1, index + 1)}`).join('\n');
}

/** Calls the engine directly, keeping every request. */
function callEngine(engine: ScriptedEngine): CallModel {
	return async request => {
		const result = await engine.complete(request);
		return {text: result.text, outputTokens: result.outputTokens, cached: false};
	};
}

test('text full of fence markers is planned as it is sent, so every prompt fits (fails before: E_PROMPT_TOO_LONG "planner bug")', async t => {
	const engine = new ScriptedEngine({contextSize: 1024});
	const text = createQuotedMail(400);
	t.true(engine.tokenizer.countTokens(text.replaceAll('>>>', '> > >')) > engine.tokenizer.countTokens(text) + 700, 'fencing adds tokens the raw text does not have');
	const summary = await summarizeDocument({text, title: 'Re: Re: Re: water board'}, {
		engine, callModel: callEngine(engine), summarize: {...DEFAULT_CONFIG.summarize, maxOutputTokens: 400}, chunk: {maxTokens: 0, overlapTokens: 0},
	});
	t.true(summary.chunks.length > 1);
	for (const request of engine.calls) t.true(engine.countPromptTokens(request.messages) + 400 <= 1024);
	t.is(summary.maxPromptTokens, Math.max(...engine.calls.map(request => engine.countPromptTokens(request.messages))));
});

test('when one call of a document fails, its calls still queued are dropped, not sent (fails before: every map call ran)', async t => {
	const work = createTempDir(t);
	const file = join(work, 'long.txt');
	writeFileSync(file, createProse(300, 9));
	const engine = new ScriptedEngine({contextSize: 512, answer: () => new EngineError('E_GENERATION_FAILED', 'the model broke down')});
	const {result, store} = await runScriptedBatch(t, {engine, db: join(work, 'precis.db'), inputs: [file]});
	t.like(result.documents, {failed: 1});
	t.like(store.getDocument(file), {status: 'failed', errorCode: 'E_GENERATION_FAILED'});
	t.is(engine.calls.length, 1, 'one call failed; the other map calls of the document never reached the engine');
});
