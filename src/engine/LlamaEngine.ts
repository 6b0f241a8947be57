import {
	getLlama,
	getLlamaGpuTypes,
	LlamaChat,
	LlamaLogLevel,
	resolveChatWrapper,
	TokenMeter,
	type ChatWrapper,
	type Llama,
	type LlamaContext,
	type LlamaContextSequence,
	type LlamaGrammar,
	type LlamaModel,
	type Token,
} from 'node-llama-cpp';
import {EngineError, isPipelineError, toError} from '../errors.js';
import {CallTracker} from './CallTracker.js';
import {describeBadGgufHeader} from './describeBadGgufHeader.js';
import type {ChatMessage, CompletionRequest, CompletionResult, Engine, Tokenizer} from './Engine.js';
import {getModelFingerprint} from './getModelFingerprint.js';
import {toLocalEngineId} from './identifyEngine.js';
import {resolveLocalEngineOptions, type LocalEngineGpu, type LocalEngineOptions, type ResolvedLocalEngineOptions} from './resolveLocalEngineOptions.js';
import {resolveModelPath} from './resolveModelPath.js';
import {SequencePool} from './SequencePool.js';
import {toChatHistory} from './toChatHistory.js';
import {verifyGpuBackend} from './verifyGpuBackend.js';
import {chooseGpuRoute, listGpuRoutes, type GpuRoute} from './chooseGpuRoute.js';
import {localCudaBackendVariable, preloadGpuRoute} from './preloadGpuRoute.js';

/** One context sequence with the chat that drives it; both live as long as the engine. */
interface _Slot {
	sequence: LlamaContextSequence;
	chat: LlamaChat;
}

/** The parts of a loaded model an engine owns, disposed in reverse order. */
interface _Loaded {
	llama: Llama;
	model: LlamaModel;
	context: LlamaContext;
	modelPath: string;
	id: string;
	threads: number;
}

/**
 * The local inference engine: a GGUF model run in-process by node-llama-cpp. One context holds
 * `parallel` sequences; each call takes a free sequence, so a prompt that shares a prefix with that
 * sequence's previous prompt (the same system prompt, say) is only evaluated from the first
 * differing token. Decoding is greedy by default, so the same request gives the same text.
 * Prompts are never truncated and the context never shifts: a call whose prompt plus `maxTokens`
 * exceeds `contextSize` is refused with E_PROMPT_TOO_LONG before anything is evaluated.
 */
export class LlamaEngine implements Engine {
	/** {@link toLocalEngineId}: the model file's fingerprint. */
	readonly id: string;
	readonly contextSize: number;
	readonly parallel: number;
	readonly tokenizer: Tokenizer;
	readonly modelPath: string;
	/** The backend in use: 'cuda', 'vulkan', 'metal', or false for the CPU. */
	readonly gpu: string | false;
	/** CPU threads used for evaluation. */
	readonly threads: number;
	private readonly loaded: _Loaded;
	private readonly chatWrapper: ChatWrapper;
	private readonly pool: SequencePool<_Slot>;
	private readonly sequences: LlamaContextSequence[] = [];
	private readonly grammars = new Map<string, Promise<LlamaGrammar>>();
	private readonly inFlight = new CallTracker();
	private closing: Promise<void> | undefined;

	private constructor(loaded: _Loaded, options: ResolvedLocalEngineOptions) {
		this.loaded = loaded;
		const {model, context} = loaded;
		this.id = loaded.id;
		this.modelPath = loaded.modelPath;
		this.gpu = loaded.llama.gpu;
		this.threads = loaded.threads;
		this.parallel = options.parallel;
		// LlamaChat shifts the context when a prompt leaves no free cell (prompt + 1 >= size): keep one free,
		// so any prompt + maxTokens <= contextSize runs unshifted (measured at the boundary).
		this.contextSize = Math.min(context.contextSize - 1, options.contextSize > 0 ? options.contextSize : options.maxContextSize);
		this.chatWrapper = resolveChatWrapper(model);
		this.tokenizer = {
			tokenize: text => model.tokenize(text),
			countTokens: text => model.tokenize(text).length,
			detokenize: tokens => model.detokenize(tokens as Token[]),
		};
		const slots: _Slot[] = [];
		for (let index = 0; index < options.parallel; index++) {
			const sequence = context.getSequence({
				contextShift: {
					strategy: () => {
						throw _createShiftError(this.contextSize);
					},
				},
			});
			this.sequences.push(sequence);
			slots.push({sequence, chat: new LlamaChat({contextSequence: sequence, chatWrapper: this.chatWrapper})});
		}
		this.pool = new SequencePool(slots);
	}

	/** Resolves (and if needed downloads) the model, then loads it with one context of `parallel` sequences. */
	static async create(options: LocalEngineOptions = {}): Promise<LlamaEngine> {
		const resolved = resolveLocalEngineOptions(options);
		const modelPath = await resolveModelPath(resolved.model, {modelsDir: resolved.modelsDir, showProgress: resolved.showDownloadProgress});
		const badHeader = await describeBadGgufHeader(modelPath);
		if (badHeader !== undefined) {
			throw new EngineError('E_MODEL_LOAD', `cannot load model ${modelPath} (${badHeader}): check that it is a complete GGUF file, or download it again`, {retryable: false});
		}
		const loadLog: _LoadLog = {lines: [], capturing: true};
		const llama = await _getLlama(resolved, loadLog);
		try {
			const model = await llama.loadModel({modelPath}).catch((error: unknown) => {
				const detail = [toError(error).message, ...loadLog.lines.slice(0, 1)].join(': ');
				throw new EngineError('E_MODEL_LOAD', `cannot load model ${modelPath} (${detail}): check that it is a complete GGUF file, or download it again`, {cause: error, retryable: false});
			});
			const threads = resolved.threads > 0 ? resolved.threads : llama.cpuMathCores;
			const context = await model
				.createContext({
					sequences: resolved.parallel,
					// One cell more than asked: it stays free so that no prompt that fits triggers a context shift (see the constructor).
					contextSize: resolved.contextSize > 0 ? resolved.contextSize + 1 : {max: resolved.maxContextSize + 1},
					batchSize: resolved.batchSize,
					threads,
				})
				.catch((error: unknown) => {
					throw new EngineError('E_MODEL_LOAD', `cannot create a context for ${modelPath} (${toError(error).message}): lower \`contextSize\` or \`parallel\``, {cause: error, retryable: false});
				});
			const id = toLocalEngineId(await getModelFingerprint(modelPath));
			loadLog.capturing = false;
			return new LlamaEngine({llama, model, context, modelPath, id, threads}, resolved);
		} catch (error) {
			await llama.dispose();
			throw error;
		}
	}

	/**
	 * Tokens decoded so far, summed over all sequences: `evaluatedTokens` counts prompt tokens actually
	 * evaluated (cached prefixes excluded) plus generated tokens fed back; `generatedTokens` counts
	 * sampled tokens. node-llama-cpp's meters call a decoded token "output" when its logits were read.
	 */
	getTokenUsage(): {evaluatedTokens: number; generatedTokens: number} {
		const usage = {evaluatedTokens: 0, generatedTokens: 0};
		for (const {tokenMeter} of this.sequences) {
			usage.evaluatedTokens += tokenMeter.usedInputTokens + tokenMeter.usedOutputTokens;
			usage.generatedTokens += tokenMeter.usedOutputTokens;
		}
		return usage;
	}

	countPromptTokens(messages: readonly ChatMessage[]): number {
		return this._tokenizePrompt(messages).length;
	}

	async complete(request: CompletionRequest): Promise<CompletionResult> {
		if (this.closing !== undefined) throw new EngineError('E_ENGINE_UNAVAILABLE', `engine ${this.id} is closed: create a new one`);
		return this.inFlight.track(this._complete(request));
	}

	/** Waits for calls in flight, then frees the context, model and backend; safe to call twice. */
	close(): Promise<void> {
		this.closing ??= this._close();
		return this.closing;
	}

	private async _complete(request: CompletionRequest): Promise<CompletionResult> {
		const {maxTokens} = request;
		if (!Number.isInteger(maxTokens) || maxTokens < 1)
			throw new EngineError('E_GENERATION_FAILED', `Expected \`maxTokens\` to be an integer >= 1, got ${maxTokens}`, {retryable: false});
		const prompt = this._tokenizePrompt(request.messages);
		if (prompt.length + maxTokens > this.contextSize)
			throw new EngineError(
				'E_PROMPT_TOO_LONG',
				`prompt of ${prompt.length} tokens plus maxTokens ${maxTokens} exceeds the context of ${this.contextSize} tokens of ${this.modelPath}: use smaller chunks or a larger contextSize`,
				{retryable: false},
			);
		const grammar = request.jsonSchema === undefined ? undefined : await this._getGrammar(request.jsonSchema);
		const _sharedPrefix = (slot: _Slot): number => slot.sequence.compareContextTokens(prompt).firstDifferentIndex;

		return this.pool.use(async slot => {
			const before = slot.sequence.tokenMeter.getState();
			// LlamaChat evaluates at least the last prompt token, even when all of them are cached.
			const cachedPromptTokens = Math.min(_sharedPrefix(slot), prompt.length - 1);
			// node-llama-cpp falls back to its own strategy when ours throws, so a shift aborts the call instead.
			const refusal = new AbortController();
			const signal = request.signal === undefined ? refusal.signal : AbortSignal.any([request.signal, refusal.signal]);
			const started = performance.now();
			try {
				const response = await slot.chat.generateResponse(toChatHistory(request.messages), {
					maxTokens,
					temperature: request.temperature ?? 0,
					seed: request.seed ?? 0,
					grammar,
					signal,
					contextShift: {
						strategy: ({chatHistory}) => {
							refusal.abort(_createShiftError(this.contextSize));
							return {chatHistory: [...chatHistory]};
						},
					},
				});
				const used = TokenMeter.diff(slot.sequence.tokenMeter, before);
				return {
					text: response.response,
					promptTokens: prompt.length,
					cachedPromptTokens,
					outputTokens: used.usedOutputTokens,
					durationMs: performance.now() - started,
					finishReason: response.metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
				};
			} catch (error) {
				if (request.signal?.aborted === true) throw new EngineError('E_INTERRUPTED', `generation with ${this.modelPath} was aborted`, {cause: error});
				if (isPipelineError(error)) throw error;
				throw new EngineError('E_GENERATION_FAILED', `generation with ${this.modelPath} failed: ${toError(error).message}`, {cause: error});
			}
		}, _sharedPrefix);
	}

	/** The exact tokens LlamaChat evaluates for these messages: the chat template plus an open model turn. */
	private _tokenizePrompt(messages: readonly ChatMessage[]): Token[] {
		const {contextText} = this.chatWrapper.generateContextState({chatHistory: toChatHistory(messages, true)});
		return contextText.tokenize(this.loaded.model.tokenizer);
	}

	private _getGrammar(schema: Record<string, unknown>): Promise<LlamaGrammar> {
		const key = JSON.stringify(schema);
		let grammar = this.grammars.get(key);
		if (grammar === undefined) {
			grammar = this.loaded.llama.createGrammarForJsonSchema(schema as never).catch((error: unknown) => {
				this.grammars.delete(key);
				throw new EngineError('E_GENERATION_FAILED', `unsupported JSON schema for ${this.modelPath}: ${toError(error).message}`, {cause: error, retryable: false});
			});
			this.grammars.set(key, grammar);
		}
		return grammar;
	}

	private async _close(): Promise<void> {
		await this.inFlight.settled();
		const {llama, model, context} = this.loaded;
		const results = await Promise.allSettled([context.dispose()]);
		results.push(...(await Promise.allSettled([model.dispose()])), ...(await Promise.allSettled([llama.dispose()])));
		const failed = results.find(result => result.status === 'rejected');
		if (failed !== undefined) throw new EngineError('E_ENGINE_UNAVAILABLE', `closing engine ${this.id} failed: ${toError(failed.reason).message}`, {cause: failed.reason});
	}
}

/** llama.cpp error lines logged while loading, folded into the E_MODEL_LOAD message instead of printed. */
interface _LoadLog {
	lines: string[];
	capturing: boolean;
}

/**
 * Loads the llama.cpp backend. Never builds from source (a failed binary check would start a
 * minutes-long build). llama.cpp errors are captured while loading, then go to stderr.
 */
async function _getLlama(options: ResolvedLocalEngineOptions, loadLog: _LoadLog): Promise<Llama> {
	const route = await _chooseGpu(options.gpu);
	try {
		const gpu = route === false ? false : await preloadGpuRoute(route);
		return await getLlama({
			build: 'never',
			gpu,
			// No cap here: the context gets exactly `threads` threads.
			maxThreads: 0,
			logLevel: LlamaLogLevel.error,
			logger: (_level, message) => {
				if (loadLog.capturing) loadLog.lines.push(message.trim());
				else process.stderr.write(`[llama.cpp] ${message.trim()}\n`);
			},
		});
	} catch (error) {
		const fix = options.gpu === 'auto' || options.gpu === false ? 'reinstall node-llama-cpp for this platform' : "set `gpu: auto` or `gpu: false`";
		throw new EngineError('E_ENGINE_UNAVAILABLE', `no usable llama.cpp backend for gpu=${String(options.gpu)} (${toError(error).message}): ${fix}`, {cause: error, retryable: false});
	}
}

/**
 * The backend route to load: the CPU when no GPU backend is supported here; otherwise the first
 * route (CUDA, its CUDA 12 build, Vulkan; see chooseGpuRoute) that passed a self-test in a child
 * process. When none passes, `auto` runs on the CPU and a named GPU is refused; either way one
 * warning line says what was tried.
 */
async function _chooseGpu(gpu: LocalEngineGpu): Promise<GpuRoute | false> {
	if (gpu === false) return false;
	const supported = (await getLlamaGpuTypes('supported')).filter(type => type !== false);
	if (gpu === 'auto' && supported.length === 0) return false;
	if (gpu !== 'auto' && !supported.includes(gpu)) return gpu;
	const localCuda = (process.env[localCudaBackendVariable] ?? '') !== '';
	const choice = await chooseGpuRoute(listGpuRoutes(gpu, supported, localCuda), async route => verifyGpuBackend(route));
	if (choice.route !== false || gpu === 'auto') {
		if (choice.warning !== undefined) process.stderr.write(`precis: ${choice.warning}${choice.route === false ? `. To use the GPU: ${_gpuFix(supported[0] ?? 'cuda')}` : ''}\n`);
		return choice.route;
	}
	throw new EngineError('E_ENGINE_UNAVAILABLE', `the ${gpu} backend failed its self-test (${choice.tried || 'no route to try'}): set \`gpu: false\`, or ${_gpuFix(gpu)}`, {retryable: false});
}

/** The fix for a GPU no prebuilt route runs on. */
function _gpuFix(gpu: string): string {
	return `use the OpenAI-compatible engine against a GPU llama-server or vLLM (docs/gpu.md), or build node-llama-cpp for this machine with \`npx --no node-llama-cpp source build --gpu ${gpu}\``;
}

function _createShiftError(contextSize: number): EngineError {
	return new EngineError('E_PROMPT_TOO_LONG', `generation would overflow the context of ${contextSize} tokens and shift it: use smaller chunks or a larger contextSize`, {retryable: false});
}
