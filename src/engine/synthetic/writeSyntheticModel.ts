/**
 * Writes a synthetic LLaMA-architecture GGUF v3 model with random weights. The bytes depend only on
 * the preset and the seed. Generation is steered away from byte tokens and control tokens: their
 * rows of `output.weight` are zero, so their logits stay 0 while word pieces get random logits of
 * several units. Greedy output is therefore valid UTF-8 made of words and never stops by itself
 * (the end-of-text tokens are never chosen); grammars still work, since they only mask tokens.
 */
import fs from 'node:fs';
import path from 'node:path';
import {buildVocabulary, type TokenWeightClass, type Vocabulary} from './buildVocabulary.js';
import {createPrng} from './createPrng.js';
import {alignTo, encodeGgufHeader, type GgufTensorInfo, type GgufValue} from './encodeGgufHeader.js';
import {GgmlType, syntheticModelPresets, type SyntheticModelPreset, type SyntheticModelPresetName} from './presets.js';
import {getTensorByteSize, writeTensorData, type ByteSink, type TensorPlan} from './writeTensorData.js';

export interface WriteSyntheticModelOptions {
	/** @default 'tiny' */
	preset?: SyntheticModelPresetName;
	/** @default 1 */
	seed?: number;
}

const _alignment = 32;
const _chunkBytes = 4 * 1024 * 1024;
/** Logit standard deviation per token class (hidden states are RMS-normalised to 1). */
const _logitStd: Record<TokenWeightClass, number> = {silent: 0, char: 1.5, prefix: 2, word: 3};

export const chatMlTemplate =
	"{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
	"{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** Writes the model to `outPath` (via a temporary file renamed at the end) and returns its size. */
export async function writeSyntheticModel(outPath: string, options: WriteSyntheticModelOptions = {}): Promise<{path: string; bytes: number}> {
	const preset: SyntheticModelPreset = syntheticModelPresets[options.preset ?? 'tiny'];
	const seed = options.seed ?? 1;
	const vocabulary = buildVocabulary();
	const plans = _planTensors(preset, vocabulary);
	const infos: GgufTensorInfo[] = [];
	let offset = 0;
	for (const plan of plans) {
		infos.push({name: plan.name, dims: plan.dims, type: plan.type, offset});
		offset = alignTo(offset + getTensorByteSize(plan.type, _countElements(plan)), _alignment);
	}
	const header = encodeGgufHeader(_buildMetadata(preset, vocabulary, seed), infos, _alignment);

	await fs.promises.mkdir(path.dirname(path.resolve(outPath)), {recursive: true});
	const temporaryPath = `${outPath}.${process.pid}.${Date.now()}.partial`;
	const sink = new _FileSink(fs.openSync(temporaryPath, 'w'));
	try {
		sink.write(header);
		const prng = createPrng(seed);
		for (const [index, plan] of plans.entries()) {
			writeTensorData(plan, prng, sink);
			const end = infos[index]!.offset + getTensorByteSize(plan.type, _countElements(plan));
			sink.skip(alignTo(end, _alignment) - end);
		}
		sink.close();
		await fs.promises.rename(temporaryPath, outPath);
	} catch (error) {
		sink.close();
		await fs.promises.rm(temporaryPath, {force: true});
		throw error;
	}
	return {path: outPath, bytes: header.length + offset};
}

function _countElements(plan: TensorPlan): number {
	return plan.dims.reduce((product, dim) => product * dim, 1);
}

function _planTensors(preset: SyntheticModelPreset, vocabulary: Vocabulary): TensorPlan[] {
	const embd = preset.embeddingLength;
	const kvDim = (embd / preset.headCount) * preset.headCountKv;
	const ff = preset.feedForwardLength;
	const vocabSize = vocabulary.tokens.length;
	const type = preset.weightType;
	const _matrix = (name: string, rowLength: number, rows: number): TensorPlan => ({name, dims: [rowLength, rows], type, std: 1 / Math.sqrt(rowLength)});
	const _norm = (name: string): TensorPlan => ({name, dims: [embd], type: GgmlType.F32, constant: 1});

	const plans: TensorPlan[] = [{name: 'token_embd.weight', dims: [embd, vocabSize], type, std: 1}];
	for (let block = 0; block < preset.blockCount; block++) {
		const prefix = `blk.${block}`;
		plans.push(
			_norm(`${prefix}.attn_norm.weight`),
			_matrix(`${prefix}.attn_q.weight`, embd, embd),
			_matrix(`${prefix}.attn_k.weight`, embd, kvDim),
			_matrix(`${prefix}.attn_v.weight`, embd, kvDim),
			_matrix(`${prefix}.attn_output.weight`, embd, embd),
			_norm(`${prefix}.ffn_norm.weight`),
			_matrix(`${prefix}.ffn_gate.weight`, embd, ff),
			_matrix(`${prefix}.ffn_up.weight`, embd, ff),
			_matrix(`${prefix}.ffn_down.weight`, ff, embd),
		);
	}
	plans.push(_norm('output_norm.weight'), {
		name: 'output.weight',
		dims: [embd, vocabSize],
		type,
		std: 1 / Math.sqrt(embd),
		rowScales: vocabulary.weightClasses.map(weightClass => _logitStd[weightClass]),
	});
	return plans;
}

function _buildMetadata(preset: SyntheticModelPreset, vocabulary: Vocabulary, seed: number): Map<string, GgufValue> {
	const _u32 = (value: number): GgufValue => ({type: 'u32', value});
	return new Map<string, GgufValue>([
		['general.architecture', {type: 'string', value: 'llama'}],
		['general.name', {type: 'string', value: `${preset.name}-seed${seed}`}],
		['general.file_type', _u32(preset.fileType)],
		['general.alignment', _u32(_alignment)],
		['llama.context_length', _u32(preset.contextLength)],
		['llama.embedding_length', _u32(preset.embeddingLength)],
		['llama.block_count', _u32(preset.blockCount)],
		['llama.feed_forward_length', _u32(preset.feedForwardLength)],
		['llama.attention.head_count', _u32(preset.headCount)],
		['llama.attention.head_count_kv', _u32(preset.headCountKv)],
		['llama.rope.dimension_count', _u32(preset.embeddingLength / preset.headCount)],
		['llama.rope.freq_base', {type: 'f32', value: 10000}],
		['llama.attention.layer_norm_rms_epsilon', {type: 'f32', value: 1e-5}],
		['llama.vocab_size', _u32(vocabulary.tokens.length)],
		['tokenizer.ggml.model', {type: 'string', value: 'llama'}],
		['tokenizer.ggml.tokens', {type: 'string[]', value: vocabulary.tokens}],
		['tokenizer.ggml.scores', {type: 'f32[]', value: vocabulary.scores}],
		['tokenizer.ggml.token_type', {type: 'i32[]', value: vocabulary.types}],
		['tokenizer.ggml.bos_token_id', _u32(vocabulary.bosId)],
		['tokenizer.ggml.eos_token_id', _u32(vocabulary.eosId)],
		['tokenizer.ggml.unknown_token_id', _u32(vocabulary.unknownId)],
		['tokenizer.ggml.padding_token_id', _u32(vocabulary.unknownId)],
		['tokenizer.ggml.add_bos_token', {type: 'bool', value: true}],
		['tokenizer.ggml.add_eos_token', {type: 'bool', value: false}],
		['tokenizer.chat_template', {type: 'string', value: chatMlTemplate}],
	]);
}

/** Buffers writes into large chunks that start zero-filled. */
class _FileSink implements ByteSink {
	private readonly chunk = Buffer.alloc(_chunkBytes);
	private used = 0;
	private fd: number | undefined;

	constructor(fd: number) {
		this.fd = fd;
	}

	take(bytes: number): {buffer: Buffer; offset: number} {
		if (bytes > _chunkBytes) throw new Error(`cannot take ${bytes} bytes at once (chunks hold ${_chunkBytes})`);
		if (this.used + bytes > _chunkBytes) this.flush();
		const offset = this.used;
		this.used += bytes;
		return {buffer: this.chunk, offset};
	}

	skip(bytes: number): void {
		for (let left = bytes; left > 0; left -= _chunkBytes) this.take(Math.min(left, _chunkBytes));
	}

	write(bytes: Buffer): void {
		this.flush();
		fs.writeSync(this.fd!, bytes);
	}

	flush(): void {
		if (this.used === 0) return;
		fs.writeSync(this.fd!, this.chunk, 0, this.used);
		this.chunk.fill(0, 0, this.used);
		this.used = 0;
	}

	close(): void {
		if (this.fd === undefined) return;
		this.flush();
		fs.closeSync(this.fd);
		this.fd = undefined;
	}
}
