/** A seeded pseudo-random generator (xoshiro128**): the same seed gives the same stream on every platform. */
export interface Prng {
	/** The next unsigned 32-bit integer. */
	nextU32(): number;
	/** A float in [-1, 1), built from integer arithmetic only (no platform-dependent Math functions). */
	nextSigned(): number;
}

/** Creates a generator whose stream depends only on `seed` (state expanded with splitmix32). */
export function createPrng(seed: number): Prng {
	let mix = seed >>> 0;
	const _splitmix32 = (): number => {
		mix = (mix + 0x9e3779b9) >>> 0;
		let z = mix;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
	let s0 = _splitmix32();
	let s1 = _splitmix32();
	let s2 = _splitmix32();
	let s3 = _splitmix32();
	const nextU32 = (): number => {
		const result = Math.imul(_rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
		const t = (s1 << 9) >>> 0;
		s2 = (s2 ^ s0) >>> 0;
		s3 = (s3 ^ s1) >>> 0;
		s1 = (s1 ^ s2) >>> 0;
		s0 = (s0 ^ s3) >>> 0;
		s2 = (s2 ^ t) >>> 0;
		s3 = _rotl(s3, 11);
		return result;
	};
	return {
		nextU32,
		nextSigned: () => nextU32() / 0x80000000 - 1,
	};
}

function _rotl(value: number, bits: number): number {
	return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
