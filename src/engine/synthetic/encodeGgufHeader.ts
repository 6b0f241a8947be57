/**
 * Encodes the head of a GGUF v3 file: magic, version, counts, key/values and tensor infos, padded
 * to the alignment. llama.cpp checks value types, so integers are written as the exact GGUF type
 * the key expects (UINT32 for hyper-parameters).
 */
import type {GgmlTypeId} from './presets.js';

export type GgufValue =
	| {type: 'u32'; value: number}
	| {type: 'i32'; value: number}
	| {type: 'f32'; value: number}
	| {type: 'bool'; value: boolean}
	| {type: 'string'; value: string}
	| {type: 'string[]'; value: readonly string[]}
	| {type: 'f32[]'; value: readonly number[]}
	| {type: 'i32[]'; value: readonly number[]};

export interface GgufTensorInfo {
	name: string;
	/** ggml order: ne0 (contiguous) first. */
	dims: readonly number[];
	type: GgmlTypeId;
	/** Byte offset from the start of the tensor data section. */
	offset: number;
}

const _valueType = {u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9} as const;

/** Encodes the header; the result's length is a multiple of `alignment`. */
export function encodeGgufHeader(metadata: ReadonlyMap<string, GgufValue>, tensors: readonly GgufTensorInfo[], alignment: number): Buffer {
	const parts: Buffer[] = [];
	const _u32 = (value: number): void => {
		const buffer = Buffer.alloc(4);
		buffer.writeUInt32LE(value);
		parts.push(buffer);
	};
	const _u64 = (value: number): void => {
		const buffer = Buffer.alloc(8);
		buffer.writeBigUInt64LE(BigInt(value));
		parts.push(buffer);
	};
	const _string = (value: string): void => {
		const bytes = Buffer.from(value, 'utf8');
		_u64(bytes.length);
		parts.push(bytes);
	};
	const _scalars = (kind: 'i32' | 'f32', values: readonly number[]): void => {
		const buffer = Buffer.alloc(4 * values.length);
		values.forEach((value, index) => (kind === 'i32' ? buffer.writeInt32LE(value, 4 * index) : buffer.writeFloatLE(value, 4 * index)));
		parts.push(buffer);
	};

	parts.push(Buffer.from('GGUF', 'latin1'));
	_u32(3);
	_u64(tensors.length);
	_u64(metadata.size);
	for (const [key, entry] of metadata) {
		_string(key);
		switch (entry.type) {
			case 'u32':
				_u32(_valueType.u32);
				_u32(entry.value);
				break;
			case 'i32':
			case 'f32':
				_u32(_valueType[entry.type]);
				_scalars(entry.type, [entry.value]);
				break;
			case 'bool':
				_u32(_valueType.bool);
				parts.push(Buffer.from([entry.value ? 1 : 0]));
				break;
			case 'string':
				_u32(_valueType.string);
				_string(entry.value);
				break;
			case 'string[]':
				_u32(_valueType.array);
				_u32(_valueType.string);
				_u64(entry.value.length);
				for (const item of entry.value) _string(item);
				break;
			case 'f32[]':
			case 'i32[]': {
				const kind = entry.type === 'f32[]' ? 'f32' : 'i32';
				_u32(_valueType.array);
				_u32(_valueType[kind]);
				_u64(entry.value.length);
				_scalars(kind, entry.value);
				break;
			}
		}
	}
	for (const tensor of tensors) {
		_string(tensor.name);
		_u32(tensor.dims.length);
		for (const dim of tensor.dims) _u64(dim);
		_u32(tensor.type);
		_u64(tensor.offset);
	}
	const length = parts.reduce((sum, part) => sum + part.length, 0);
	parts.push(Buffer.alloc(alignTo(length, alignment) - length));
	return Buffer.concat(parts);
}

/** Rounds `value` up to a multiple of `alignment`. */
export function alignTo(value: number, alignment: number): number {
	return Math.ceil(value / alignment) * alignment;
}
