/** A message of a chat conversation sent to a model. */
export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface CompletionRequest {
	messages: ChatMessage[];
	/** Most tokens the model may generate. */
	maxTokens: number;
	/** Sampling temperature; 0 is greedy decoding (reproducible). @default 0 */
	temperature?: number;
	/** Seed for sampling when temperature > 0. */
	seed?: number;
	/** A JSON schema that constrains the output (grammar-based where the engine supports it). */
	jsonSchema?: Record<string, unknown>;
	/** Aborts the call (for shutdown). */
	signal?: AbortSignal;
}

export interface CompletionResult {
	text: string;
	/** Exact number of prompt tokens the model evaluated for this call's prompt (templated). */
	promptTokens: number;
	/** Of `promptTokens`, how many were reused from the previous call on the same sequence (a shared prefix) instead of evaluated again. */
	cachedPromptTokens?: number;
	outputTokens: number;
	durationMs: number;
	/** 'length' when generation stopped at maxTokens. */
	finishReason: 'stop' | 'length';
}

/** The model's own tokenizer. Synchronous, since chunking counts tokens many times. */
export interface Tokenizer {
	countTokens(text: string): number;
	tokenize(text: string): number[];
	detokenize(tokens: readonly number[]): string;
}

/**
 * What the pipeline sees of an inference engine, local or remote. Implementations never truncate a
 * prompt: a prompt whose tokens plus `maxTokens` exceed `contextSize` is refused with
 * `E_PROMPT_TOO_LONG`.
 */
export interface Engine {
	/** Identity of engine and model, part of every cache key (for example `local:<model sha256>`). */
	readonly id: string;
	/** Tokens one call may use in all: prompt plus output. */
	readonly contextSize: number;
	/** How many calls the engine serves at once. */
	readonly parallel: number;
	readonly tokenizer: Tokenizer;
	/** Exact token count of the messages once wrapped in the model's chat template. */
	countPromptTokens(messages: readonly ChatMessage[]): number;
	complete(request: CompletionRequest): Promise<CompletionResult>;
	/** Releases the model; safe to call twice. */
	close(): Promise<void>;
}
