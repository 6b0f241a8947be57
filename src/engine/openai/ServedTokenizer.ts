import {getLlama, LlamaLogLevel, LlamaText, resolveChatWrapper, SpecialToken, type ChatWrapper, type Llama, type LlamaModel, type Token} from 'node-llama-cpp';
import {EngineError, toError} from '../../errors.js';
import type {ChatMessage, Tokenizer} from '../Engine.js';
import {describeBadGgufHeader} from '../describeBadGgufHeader.js';
import {getModelFingerprint} from '../getModelFingerprint.js';
import {toChatHistory} from '../toChatHistory.js';

/** A prompt rendered in the model's chat template, as the tokens a server evaluates. */
export interface RenderedPrompt {
	tokens: number[];
	/** Texts that end the model's turn, for the request's `stop`. */
	stop: string[];
}

/**
 * The served model's tokenizer and chat template, read from the same GGUF the servers run
 * (`vocabOnly`: no weights are loaded). Prompts are rendered here, so the token count is exact by
 * construction: the servers are sent these very tokens.
 */
export class ServedTokenizer {
	readonly path: string;
	/** {@link getModelFingerprint} of the GGUF. */
	readonly fingerprint: string;
	readonly tokenizer: Tokenizer;
	/** node-llama-cpp's name of the chat template in use, such as `Llama3_1` or `ChatML`. */
	readonly chatWrapperName: string;
	private readonly llama: Llama;
	private readonly model: LlamaModel;
	private readonly chatWrapper: ChatWrapper;

	private constructor(path: string, fingerprint: string, llama: Llama, model: LlamaModel) {
		this.path = path;
		this.fingerprint = fingerprint;
		this.llama = llama;
		this.model = model;
		this.chatWrapper = resolveChatWrapper(model);
		this.chatWrapperName = this.chatWrapper.wrapperName;
		this.tokenizer = {
			tokenize: text => model.tokenize(text),
			countTokens: text => model.tokenize(text).length,
			detokenize: tokens => model.detokenize(tokens as Token[]),
		};
	}

	static async load(path: string): Promise<ServedTokenizer> {
		let fingerprint: string;
		let badHeader: string | undefined;
		try {
			fingerprint = await getModelFingerprint(path);
			badHeader = await describeBadGgufHeader(path);
		} catch (error) {
			throw new EngineError('E_MODEL_LOAD', `cannot read tokenizer file ${path} (${toError(error).message}): pass the GGUF the servers run with --tokenizer`, {cause: error, retryable: false});
		}
		if (badHeader !== undefined) {
			throw new EngineError('E_MODEL_LOAD', `cannot load the tokenizer of ${path} (${badHeader}): pass the GGUF the servers run with --tokenizer`, {retryable: false});
		}
		const llama = await getLlama({build: 'never', gpu: false, logLevel: LlamaLogLevel.error}).catch((error: unknown) => {
			throw new EngineError('E_ENGINE_UNAVAILABLE', `node-llama-cpp cannot load (${toError(error).message}): reinstall node-llama-cpp for this platform`, {cause: error, retryable: false});
		});
		try {
			const model = await llama.loadModel({modelPath: path, vocabOnly: true});
			return new ServedTokenizer(path, fingerprint, llama, model);
		} catch (error) {
			await llama.dispose();
			throw new EngineError('E_MODEL_LOAD', `cannot load the tokenizer of ${path} (${toError(error).message}): pass the GGUF the servers run with --tokenizer`, {cause: error, retryable: false});
		}
	}

	/** The messages in the chat template with an open model turn (BOS included), as LlamaEngine evaluates them. */
	renderPrompt(messages: readonly ChatMessage[]): RenderedPrompt {
		const {contextText, stopGenerationTriggers} = this.chatWrapper.generateContextState({chatHistory: toChatHistory(messages, true)});
		const stop = new Set<string>();
		for (const trigger of stopGenerationTriggers) {
			// Special tokens (EOS, EOT) end generation on the server anyway; texts go into `stop`.
			const {values} = LlamaText(trigger);
			if (!values.some(value => value instanceof SpecialToken)) stop.add(values.map(String).join(''));
		}
		return {tokens: contextText.tokenize(this.model.tokenizer), stop: [...stop].filter(text => text !== '')};
	}

	async dispose(): Promise<void> {
		await this.model.dispose();
		await this.llama.dispose();
	}
}
