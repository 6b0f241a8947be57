import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {getLlama, readGgufFileInfo} from 'node-llama-cpp';
import {syntheticModelPresets} from '../../src/engine/synthetic/presets.js';
import {writeSyntheticModel} from '../../src/engine/synthetic/writeSyntheticModel.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';

async function _createTempDir(t: {teardown: (fn: () => Promise<void>) => void}): Promise<string> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'precis-synthetic-'));
	t.teardown(() => fs.rm(dir, {recursive: true, force: true}));
	return dir;
}

test('the same seed writes byte-identical files, another seed different ones', async t => {
	const dir = await _createTempDir(t);
	const [first, second, other] = await Promise.all([
		writeSyntheticModel(path.join(dir, 'a.gguf'), {seed: 7}),
		writeSyntheticModel(path.join(dir, 'b.gguf'), {seed: 7}),
		writeSyntheticModel(path.join(dir, 'c.gguf'), {seed: 8}),
	]);
	const [a, b, c] = await Promise.all([first, second, other].map(({path: file}) => fs.readFile(file)));
	t.true(a!.equals(b!));
	t.is(a!.length, first.bytes);
	t.is(c!.length, a!.length);
	t.false(a!.equals(c!));
	t.deepEqual((await fs.readdir(dir)).sort(), ['a.gguf', 'b.gguf', 'c.gguf'], 'no temporary files are left');
});

test('the tiny model has the preset shapes and a llama tokenizer with a ChatML template', async t => {
	const info = await readGgufFileInfo(await getSyntheticModel('tiny'));
	const preset = syntheticModelPresets.tiny;
	const metadata = info.metadata as unknown as {general: {architecture: string}; llama: Record<string, unknown>; tokenizer: {ggml: {model: string; tokens: string[]}; chat_template: string}};
	t.is(metadata.general.architecture, 'llama');
	t.like(metadata.llama, {block_count: preset.blockCount, embedding_length: preset.embeddingLength, context_length: preset.contextLength});
	t.is(metadata.tokenizer.ggml.model, 'llama');
	t.is(new Set(metadata.tokenizer.ggml.tokens).size, metadata.tokenizer.ggml.tokens.length, 'tokens are unique');
	t.true(metadata.tokenizer.chat_template.includes('<|im_start|>'));
	t.is(info.tensorInfo?.length, 3 + 9 * preset.blockCount);
});

test('the tiny model loads in node-llama-cpp, round-trips text and generates words', async t => {
	const llama = await getLlama({build: 'never', gpu: false});
	t.teardown(() => llama.dispose());
	const model = await llama.loadModel({modelPath: await getSyntheticModel('tiny')});
	const text = 'The summary of the report: growth 12% in Q3 🎉, risks "low".\nNext line.';
	const tokens = model.tokenize(text);
	t.is(model.detokenize(tokens), text);
	t.true(text.length / tokens.length > 2, `${(text.length / tokens.length).toFixed(2)} characters per token`);

	const context = await model.createContext({contextSize: 512, threads: 1});
	const sequence = context.getSequence();
	const generated: number[] = [];
	// Sampled, not greedy: byte tokens (which could form invalid UTF-8) must be unlikely, not just never the top choice.
	for await (const token of sequence.evaluate(model.tokenize('The report', true), {temperature: 1, seed: 1})) {
		generated.push(token);
		if (generated.length === 200) break;
	}
	const output = model.detokenize(generated as never);
	t.is(generated.length, 200);
	t.false(output.includes('\uFFFD'), 'output is valid UTF-8');
	t.regex(output, /[a-z]{3,}/i, 'output contains word pieces');
});
