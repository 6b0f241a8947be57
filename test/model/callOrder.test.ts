import {join} from 'node:path';
import test from 'ava';
import PQueue from 'p-queue';
import type {Engine} from '../../src/engine/Engine.js';
import {LlamaEngine} from '../../src/engine/LlamaEngine.js';
import {createCallModel} from '../../src/run/createCallModel.js';
import {openStore} from '../../src/store/Store.js';
import type {ModelCallRequest} from '../../src/summarize/summarizeDocument.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';

test('on one sequence, a document\'s reduce runs right after its last map, before the next document\'s map', async t => {
	const engine = await LlamaEngine.create({model: await getSyntheticModel('tiny'), gpu: false, threads: 1, contextSize: 512, parallel: 1});
	t.teardown(() => engine.close());
	const store = openStore(join(createTempDir(t), 'p.db'));
	t.teardown(() => store.close());
	const order: string[] = [];
	// The real engine, with the order of its calls written down.
	const recorded: Engine = {
		id: engine.id, contextSize: engine.contextSize, parallel: engine.parallel, tokenizer: engine.tokenizer,
		countPromptTokens: messages => engine.countPromptTokens(messages),
		complete: request => {
			order.push(request.messages.at(-1)?.content ?? '');
			return engine.complete(request);
		},
		close: () => engine.close(),
	};
	const queue = new PQueue({concurrency: engine.parallel});
	const runId = store.startRun({pipeline: 'order', configHash: 'order'});
	const callModelFor = (priority: number) => createCallModel({
		engine: recorded, store, queue, runId, force: false, priority,
		intakeSignal: new AbortController().signal, callSignal: new AbortController().signal, onCall: () => undefined,
	});
	const request = (content: string): ModelCallRequest => {
		const messages = [{role: 'user' as const, content}];
		return {kind: 'map', level: 0, messages, promptTokens: engine.countPromptTokens(messages), maxTokens: 4, temperature: 0, seed: 0};
	};
	const first = callModelFor(0);
	const second = callModelFor(-1);
	const firstDocument = (async () => {
		await Promise.all([first(request('first document, part 1')), first(request('first document, part 2'))]);
		await first(request('first document, reduce'));
	})();
	const secondDocument = second(request('second document, part 1'));
	await Promise.all([firstDocument, secondDocument]);
	t.deepEqual(order, ['first document, part 1', 'first document, part 2', 'first document, reduce', 'second document, part 1']);
});
