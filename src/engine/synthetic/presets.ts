/** Shapes of the synthetic models. Weights are random: the models exercise the engine, not language. */

/** ggml tensor types the generator writes (values are ggml's type ids). */
export const GgmlType = {F32: 0, F16: 1, Q4_0: 2, Q8_0: 8} as const;
export type GgmlTypeId = (typeof GgmlType)[keyof typeof GgmlType];

export interface SyntheticModelPreset {
	name: string;
	contextLength: number;
	embeddingLength: number;
	blockCount: number;
	feedForwardLength: number;
	headCount: number;
	headCountKv: number;
	/** Type of the 2-D weight tensors; norms are always F32. */
	weightType: GgmlTypeId;
	/** GGUF `general.file_type` matching `weightType` (llama_ftype). */
	fileType: number;
}

export const syntheticModelPresets = {
	/** ~1 MB, thousands of tokens per second on one thread: for tests. */
	tiny: {
		name: 'precis-synthetic-tiny',
		contextLength: 4096,
		embeddingLength: 64,
		blockCount: 2,
		feedForwardLength: 256,
		headCount: 4,
		headCountKv: 4,
		weightType: GgmlType.F16,
		fileType: 1,
	},
	/** TinyLlama 1.1B shapes, Q4_0 (~550 MB): realistic speed for benchmarks. */
	'1b': {
		name: 'precis-synthetic-1b',
		contextLength: 2048,
		embeddingLength: 2048,
		blockCount: 22,
		feedForwardLength: 5632,
		headCount: 32,
		headCountKv: 4,
		weightType: GgmlType.Q4_0,
		fileType: 2,
	},
	/** Llama 3.2 3B shapes, Q4_0 (~1.6 GB). */
	'3b': {
		name: 'precis-synthetic-3b',
		contextLength: 4096,
		embeddingLength: 3072,
		blockCount: 28,
		feedForwardLength: 8192,
		headCount: 24,
		headCountKv: 8,
		weightType: GgmlType.Q4_0,
		fileType: 2,
	},
} as const satisfies Record<string, SyntheticModelPreset>;

export type SyntheticModelPresetName = keyof typeof syntheticModelPresets;
