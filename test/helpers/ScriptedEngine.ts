import type {ChatMessage, CompletionRequest, CompletionResult, Engine, Tokenizer} from '../../src/engine/Engine.js';
import {EngineError} from '../../src/errors.js';

/**
 * Words, and runs of one punctuation mark (`>>>` is one token, `> > >` three), as byte-pair
 * tokenizers merge them: deterministic, and sensitive to how text is fenced.
 */
const _token = /[\p{L}\p{N}_]+|([^\p{L}\p{N}_\s])\1*/gu;
/** Tokens a chat template adds around each message. */
const _messageOverhead = 3;

/** What a scripted call answers: a text, or an error to throw (as a failing engine would). */
export type ScriptedAnswer = string | Error;

export interface ScriptedEngineOptions {
	/** @default 'scripted' */
	id?: string;
	/** @default 512 */
	contextSize?: number;
	/** @default 1 */
	parallel?: number;
	/**
	 * The answer to the `index`-th call (0-based, in the order calls reach the engine). The default
	 * answers with the first words of the prompt's last message, within `maxTokens`.
	 */
	answer?: (request: CompletionRequest, index: number) => ScriptedAnswer | Promise<ScriptedAnswer>;
}

/** The word tokenizer of {@link ScriptedEngine}; token ids are indexes into a growing vocabulary. */
export function createWordTokenizer(): Tokenizer {
	const ids = new Map<string, number>();
	const words: string[] = [];
	const split = (text: string): string[] => text.match(_token) ?? [];
	return {
		countTokens: text => split(text).length,
		tokenize: text => split(text).map(word => {
			let id = ids.get(word);
			if (id === undefined) {
				id = words.push(word) - 1;
				ids.set(word, id);
			}
			return id;
		}),
		detokenize: tokens => tokens.map(id => words[id] ?? '').join(' '),
	};
}

/**
 * A fast, deterministic {@link Engine} for the failure paths of the runner and the summarizer:
 * a word tokenizer, scripted answers and failures, and a record of every call it received. Like the
 * real engines, it refuses (never truncates) a prompt that does not fit its context.
 */
export class ScriptedEngine implements Engine {
	readonly id: string;
	readonly contextSize: number;
	readonly parallel: number;
	readonly tokenizer = createWordTokenizer();
	/** Every call that reached the engine, in order. */
	readonly calls: CompletionRequest[] = [];
	closed = false;
	readonly #answer: NonNullable<ScriptedEngineOptions['answer']>;

	constructor(options: ScriptedEngineOptions = {}) {
		this.id = options.id ?? 'scripted';
		this.contextSize = options.contextSize ?? 512;
		this.parallel = options.parallel ?? 1;
		this.#answer = options.answer ?? (request => this.#echo(request));
	}

	countPromptTokens(messages: readonly ChatMessage[]): number {
		return messages.reduce((sum, message) => sum + this.tokenizer.countTokens(message.content) + _messageOverhead, 0);
	}

	async complete(request: CompletionRequest): Promise<CompletionResult> {
		if (this.closed) throw new EngineError('E_ENGINE_UNAVAILABLE', `engine ${this.id} is closed`);
		const promptTokens = this.countPromptTokens(request.messages);
		if (promptTokens + request.maxTokens > this.contextSize) {
			throw new EngineError('E_PROMPT_TOO_LONG', `prompt of ${promptTokens} tokens plus maxTokens ${request.maxTokens} exceeds the context of ${this.contextSize}`, {retryable: false});
		}
		const index = this.calls.push(request) - 1;
		const answer = await this.#answer(request, index);
		if (answer instanceof Error) throw answer;
		const outputTokens = this.tokenizer.countTokens(answer);
		return {text: answer, promptTokens, outputTokens, durationMs: 0, finishReason: outputTokens >= request.maxTokens ? 'length' : 'stop'};
	}

	async close(): Promise<void> {
		this.closed = true;
	}

	#echo(request: CompletionRequest): string {
		const words = (request.messages.at(-1)?.content ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
		return words.slice(-Math.min(8, request.maxTokens - 1)).join(' ') || 'empty';
	}
}
