import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import type {ChatMessage, CompletionRequest, CompletionResult, Tokenizer} from '../../../src/engine/Engine.js';
import type {RunEvent} from '../../../src/run/RunEvent.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {runScriptedBatch} from '../../helpers/runScriptedBatch.js';
import {createWordTokenizer, ScriptedEngine} from '../../helpers/ScriptedEngine.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

// How often a run tokenizes the whole text of a document that fits one call before sending that
// call: once, the count of the prompt it sends (every prompt is counted before it is sent, since
// node-llama-cpp truncates silently). The engine's own count of a prompt it receives is not the run's.

/** A scripted engine that records every text the run tokenizes: with the tokenizer, or as a prompt's messages (once each). */
class _CountingEngine extends ScriptedEngine {
	readonly tokenized: string[] = [];
	/** Inside a count the engine makes itself (a prompt's messages, word by word; a prompt it receives): not the run's. */
	#inside = false;
	override readonly tokenizer: Tokenizer = this.#recording(createWordTokenizer());

	override countPromptTokens(messages: readonly ChatMessage[]): number {
		if (!this.#inside) this.tokenized.push(messages.map(message => message.content).join('\n'));
		return this.#within(() => super.countPromptTokens(messages));
	}

	override complete(request: CompletionRequest): Promise<CompletionResult> {
		// ScriptedEngine counts the prompt it receives before its first await.
		return this.#within(() => super.complete(request));
	}

	#within<T>(count: () => T): T {
		const outer = this.#inside;
		this.#inside = true;
		try {
			return count();
		} finally {
			this.#inside = outer;
		}
	}

	#recording(tokenizer: Tokenizer): Tokenizer {
		const record = <T>(text: string, count: (text: string) => T): T => {
			if (!this.#inside) this.tokenized.push(text);
			return count(text);
		};
		return {...tokenizer, countTokens: text => record(text, tokenizer.countTokens), tokenize: text => record(text, tokenizer.tokenize)};
	}
}

/** A run over one document that fits one call; how often the run tokenized its whole text, and its plan and call events. */
async function runFitting(t: ExecutionContext, fields: boolean) {
	const work = createTempDir(t);
	const inbox = join(work, 'inbox');
	mkdirSync(inbox);
	const text = createProse(40, 3);
	writeFileSync(join(inbox, 'doc.txt'), text);
	const engine = new _CountingEngine({contextSize: 2048});
	const events: RunEvent[] = [];
	await runScriptedBatch(t, {
		engine, db: join(work, 'p.db'), inputs: [inbox], onEvent: event => events.push(event), summarize: {maxOutputTokens: 120},
		config: {fields: fields ? [{name: 'owner', type: 'string', description: 'Who wrote the document.'}] : [], verify: {...DEFAULT_CONFIG.verify, enabled: false}},
	});
	t.is(engine.calls.length, 1, 'the document fits one call');
	const planned = events.find(event => event.type === 'document-planned');
	const call = events.find(event => event.type === 'call-done');
	return {wholeTexts: engine.tokenized.filter(tokenized => tokenized.includes(text)).length, planned, call};
}

for (const fields of [false, true]) {
	test(`a document that fits one call${fields ? ', with a field riding on it,' : ''} has its whole text tokenized once before the call: the count of the prompt sent`, async t => {
		const {wholeTexts, planned, call} = await runFitting(t, fields);
		// Before: twice without fields (the text, then the prompt), four times with (the text and the ridden prompt when planning the ride, the text and the prompt again when summarizing).
		t.is(wholeTexts, 1);
		t.is(planned?.type, 'document-planned');
		t.is(call?.type, 'call-done');
		t.true(planned?.type === 'document-planned' && call?.type === 'call-done' && planned.promptTokens === call.promptTokens, 'the plan gives the exact prompt tokens of the call');
	});
}
