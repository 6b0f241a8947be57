/**
 * Encodes random tensor data straight into a byte sink, row by row, so a 1.6 GB model never sits in
 * memory. Quantized blocks are produced directly (random nibbles/bytes plus one f16 scale) instead
 * of quantizing floats, which keeps generation fast.
 */
import type {Prng} from './createPrng.js';
import {GgmlType, type GgmlTypeId} from './presets.js';

export interface ByteSink {
	/** Hands out zero-filled room for `bytes` bytes (at most one chunk) to write into. */
	take(bytes: number): {buffer: Buffer; offset: number};
	/** Writes `bytes` zero bytes. */
	skip(bytes: number): void;
}

export interface TensorPlan {
	name: string;
	/** [ne0] or [ne0, ne1]; ne0 is the contiguous row length. */
	dims: readonly number[];
	type: GgmlTypeId;
	/** Every element equals this value (norm weights). */
	constant?: number;
	/** Standard deviation of the random elements. */
	std?: number;
	/** Multiplies `std` per row (index = ne1); 0 gives an all-zero row. */
	rowScales?: readonly number[];
}

const _blockSize = 32;
/** Bytes per block of 32 elements for the quantized types. */
const _blockBytes: Partial<Record<GgmlTypeId, number>> = {[GgmlType.Q4_0]: 18, [GgmlType.Q8_0]: 34};
/** Standard deviation of a uniformly random quant, to turn a wanted std into a block scale. */
const _quantStd: Partial<Record<GgmlTypeId, number>> = {[GgmlType.Q4_0]: 4.61, [GgmlType.Q8_0]: 73.9};

/** Bytes a tensor of `elements` elements takes (without alignment padding). */
export function getTensorByteSize(type: GgmlTypeId, elements: number): number {
	if (type === GgmlType.F32) return 4 * elements;
	if (type === GgmlType.F16) return 2 * elements;
	return (elements / _blockSize) * _blockBytes[type]!;
}

/** Writes the tensor's elements into `sink`, drawing randomness from `prng`. */
export function writeTensorData(plan: TensorPlan, prng: Prng, sink: ByteSink): void {
	const rowLength = plan.dims[0]!;
	const rows = plan.dims[1] ?? 1;
	if (plan.type !== GgmlType.F32 && plan.type !== GgmlType.F16 && rowLength % _blockSize !== 0)
		throw new Error(`${plan.name}: row length ${rowLength} is not a multiple of ${_blockSize}`);
	for (let row = 0; row < rows; row++) {
		const std = (plan.std ?? 0) * (plan.rowScales?.[row] ?? 1);
		if (plan.constant === undefined && std === 0) {
			sink.skip(getTensorByteSize(plan.type, rowLength));
			continue;
		}
		if (plan.type === GgmlType.F32 || plan.type === GgmlType.F16) _writeFloatRow(plan, rowLength, std, prng, sink);
		else _writeQuantizedRow(plan.type, rowLength, std, prng, sink);
	}
}

function _writeFloatRow(plan: TensorPlan, rowLength: number, std: number, prng: Prng, sink: ByteSink): void {
	const width = plan.type === GgmlType.F32 ? 4 : 2;
	const {buffer, offset} = sink.take(width * rowLength);
	// A uniform draw in [-a, a) has std a/sqrt(3).
	const amplitude = std * Math.sqrt(3);
	for (let index = 0; index < rowLength; index++) {
		const value = plan.constant ?? prng.nextSigned() * amplitude;
		if (width === 4) buffer.writeFloatLE(value, offset + 4 * index);
		else buffer.writeUInt16LE(toFloat16Bits(value), offset + 2 * index);
	}
}

function _writeQuantizedRow(type: GgmlTypeId, rowLength: number, std: number, prng: Prng, sink: ByteSink): void {
	const blockBytes = _blockBytes[type]!;
	const scaleBits = toFloat16Bits(std / _quantStd[type]!);
	for (let block = 0; block < rowLength / _blockSize; block++) {
		const {buffer, offset} = sink.take(blockBytes);
		buffer[offset] = scaleBits & 0xff;
		buffer[offset + 1] = scaleBits >>> 8;
		for (let byte = 2; byte < blockBytes; byte += 4) {
			const random = prng.nextU32();
			buffer[offset + byte] = random & 0xff;
			buffer[offset + byte + 1] = (random >>> 8) & 0xff;
			buffer[offset + byte + 2] = (random >>> 16) & 0xff;
			buffer[offset + byte + 3] = random >>> 24;
		}
	}
}

const _f32 = new Float32Array(1);
const _u32 = new Uint32Array(_f32.buffer);

/** IEEE half-precision bits of `value` (round to nearest; enough for weights and scales). */
export function toFloat16Bits(value: number): number {
	_f32[0] = value;
	const bits = _u32[0]!;
	const sign = (bits >>> 16) & 0x8000;
	const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
	const mantissa = bits & 0x7fffff;
	if (exponent >= 31) return sign | 0x7c00;
	if (exponent <= 0) {
		if (exponent < -10) return sign;
		const shifted = (mantissa | 0x800000) >>> (1 - exponent);
		return sign | ((shifted + 0x1000) >>> 13);
	}
	return (sign | (exponent << 10) | (mantissa >>> 13)) + ((mantissa >>> 12) & 1);
}
