import {setTimeout as sleep} from 'node:timers/promises';
import {CallTracker} from '../CallTracker.js';
import {EngineError, type ErrorCode} from '../../errors.js';
import type {ChatMessage, CompletionRequest, CompletionResult, Engine, Tokenizer} from '../Engine.js';
import {toOpenAiEngineId} from '../identifyEngine.js';
import {connectServers} from './connectServers.js';
import {EndpointPool, type Endpoint} from './EndpointPool.js';
import {getRetryDelayMs} from './getRetryDelayMs.js';
import {RequestFailure} from './RequestFailure.js';
import {requestJson} from './requestJson.js';
import {resolveOpenAiEngineOptions, type OpenAiEngineOptions, type ResolvedOpenAiEngineOptions} from './resolveOpenAiEngineOptions.js';
import type {RenderedPrompt, ServedTokenizer} from './ServedTokenizer.js';

/** The parts of an OpenAI-compatible `/v1/completions` answer this engine reads (llama-server adds `timings`). */
interface _CompletionAnswer {
	choices?: Array<{text?: unknown; finish_reason?: unknown}>;
	usage?: {prompt_tokens?: unknown; completion_tokens?: unknown; prompt_tokens_details?: {cached_tokens?: unknown}};
	timings?: {cache_n?: unknown};
}

/**
 * The scale-out engine: the same {@link Engine} as the local one, served by OpenAI-compatible
 * servers (llama.cpp's llama-server, vLLM). Prompts are rendered here in the model's chat template
 * (read from the tokenizer GGUF) and sent as token ids to `/v1/completions`, so `countPromptTokens`
 * is exact by construction. Calls go to the least busy server in rotation; 429, 5xx, timeouts and
 * lost connections are retried with exponential backoff and jitter, never sooner than a `Retry-After`
 * asks (on any server), a server that
 * keeps failing leaves the rotation for a while, and a call that still fails becomes an EngineError
 * for its document, never a crash.
 */
export class OpenAiEngine implements Engine {
	/** {@link toOpenAiEngineId}: the tokenizer GGUF's fingerprint, with the configured model name. */
	readonly id: string;
	readonly contextSize: number;
	/** Sum of the servers' concurrencies. */
	readonly parallel: number;
	readonly tokenizer: Tokenizer;
	readonly apiModel: string;
	private readonly options: ResolvedOpenAiEngineOptions;
	private readonly served: ServedTokenizer;
	private readonly pool: EndpointPool;
	private readonly inFlight = new CallTracker();
	private warnedUsage = false;
	private closing: Promise<void> | undefined;

	private constructor(options: ResolvedOpenAiEngineOptions, setup: Awaited<ReturnType<typeof connectServers>>) {
		this.options = options;
		this.served = setup.tokenizer;
		this.tokenizer = setup.tokenizer.tokenizer;
		this.contextSize = setup.contextSize;
		this.apiModel = setup.apiModel;
		this.id = toOpenAiEngineId(options.apiModel, setup.tokenizer.fingerprint);
		this.pool = new EndpointPool(setup.endpoints, {threshold: options.breakerThreshold, cooldownMs: options.breakerCooldownMs, log: options.log});
		this.parallel = this.pool.capacity;
	}

	/** Probes the servers and loads the tokenizer; see `connectServers` for what may be refused. */
	static async create(options: OpenAiEngineOptions): Promise<OpenAiEngine> {
		const resolved = resolveOpenAiEngineOptions(options);
		const engine = new OpenAiEngine(resolved, await connectServers(resolved));
		resolved.log(`${engine.pool.endpoints.length} server(s), ${engine.parallel} calls at once, model "${engine.apiModel}", ${engine.served.chatWrapperName} chat template rendered here and sent as tokens to /v1/completions`);
		return engine;
	}

	countPromptTokens(messages: readonly ChatMessage[]): number {
		return this.served.renderPrompt(messages).tokens.length;
	}

	async complete(request: CompletionRequest): Promise<CompletionResult> {
		if (this.closing !== undefined) throw new EngineError('E_ENGINE_UNAVAILABLE', `engine ${this.id} is closed: create a new one`);
		return this.inFlight.track(this._complete(request));
	}

	/** Waits for calls in flight, then frees the tokenizer; safe to call twice. */
	close(): Promise<void> {
		this.closing ??= (async () => {
			await this.inFlight.settled();
			this.pool.dispose();
			await this.served.dispose();
		})();
		return this.closing;
	}

	private async _complete(request: CompletionRequest): Promise<CompletionResult> {
		const {maxTokens, signal} = request;
		if (!Number.isInteger(maxTokens) || maxTokens < 1)
			throw new EngineError('E_GENERATION_FAILED', `Expected \`maxTokens\` to be an integer >= 1, got ${maxTokens}`, {retryable: false});
		const prompt = this.served.renderPrompt(request.messages);
		if (prompt.tokens.length + maxTokens > this.contextSize)
			throw new EngineError('E_PROMPT_TOO_LONG', `prompt of ${prompt.tokens.length} tokens plus maxTokens ${maxTokens} exceeds the context of ${this.contextSize} tokens of the servers: use smaller chunks or a larger contextSize`, {retryable: false});
		const body = this._createBody(request, prompt);
		let last: RequestFailure | undefined;
		for (let attempt = 0; attempt <= this.options.maxRetries; attempt++) {
			if (attempt > 0) await this._backOff(attempt, last, signal);
			const endpoint = await this.pool.acquire(signal).catch((error: unknown) => {
				throw _interrupted(error);
			});
			const started = performance.now();
			try {
				const answer = await requestJson(`${endpoint.url}/completions`, {body, apiKey: this.options.apiKey, timeoutMs: this.options.timeoutSeconds * 1000, signal});
				const result = this._readAnswer(answer as _CompletionAnswer, endpoint, prompt, performance.now() - started);
				this.pool.release(endpoint, 'success');
				return result;
			} catch (error) {
				if (!(error instanceof RequestFailure) || !error.transient) {
					this.pool.release(endpoint, 'neutral');
					if (signal?.aborted === true) throw _interrupted(error);
					if (error instanceof RequestFailure) throw _toPermanentError(error, prompt.tokens.length);
					throw error;
				}
				this.pool.release(endpoint, 'failure', error.message);
				last = error;
			}
		}
		throw _toExhaustedError(last, this.options.maxRetries + 1);
	}

	/** The `/v1/completions` body; `json_schema` is llama-server's field, `response_format` the OpenAI one (vLLM). */
	private _createBody(request: CompletionRequest, prompt: RenderedPrompt): Record<string, unknown> {
		const body: Record<string, unknown> = {
			prompt: prompt.tokens,
			max_tokens: request.maxTokens,
			temperature: request.temperature ?? 0,
			seed: request.seed ?? 0,
			stream: false,
			cache_prompt: true,
		};
		if (this.apiModel !== '') body['model'] = this.apiModel;
		if (prompt.stop.length > 0) body['stop'] = prompt.stop;
		if (request.jsonSchema !== undefined) {
			body['json_schema'] = request.jsonSchema;
			body['response_format'] = {type: 'json_schema', json_schema: {name: 'output', schema: request.jsonSchema}};
		}
		return body;
	}

	private _readAnswer(answer: _CompletionAnswer, endpoint: Endpoint, prompt: RenderedPrompt, durationMs: number): CompletionResult {
		const choice = answer.choices?.[0];
		if (typeof choice?.text !== 'string')
			throw new EngineError('E_GENERATION_FAILED', `${endpoint.url}/completions answered without choices[0].text: check that it is an OpenAI-compatible server`, {retryable: false});
		const usage = answer.usage;
		const promptTokens = _count(usage?.prompt_tokens) ?? prompt.tokens.length;
		if (promptTokens !== prompt.tokens.length && !this.warnedUsage) {
			this.warnedUsage = true;
			this.options.log(`${endpoint.url} counted ${promptTokens} prompt tokens where ${prompt.tokens.length} were sent: its tokenizer or BOS handling differs from ${this.served.path}`);
		}
		const cachedPromptTokens = _count(usage?.prompt_tokens_details?.cached_tokens) ?? _count(answer.timings?.cache_n);
		return {
			text: choice.text,
			promptTokens,
			...(cachedPromptTokens === undefined ? {} : {cachedPromptTokens}),
			outputTokens: _count(usage?.completion_tokens) ?? this.tokenizer.countTokens(choice.text),
			durationMs,
			finishReason: choice.finish_reason === 'length' ? 'length' : 'stop',
		};
	}

	/** Waits out {@link getRetryDelayMs}: exponential backoff with jitter, at least the server's `Retry-After`. */
	private async _backOff(attempt: number, last: RequestFailure | undefined, signal: AbortSignal | undefined): Promise<void> {
		const delay = getRetryDelayMs({attempt, baseMs: this.options.retryBaseMs, retryAfterMs: last?.retryAfterMs, maxMs: this.options.timeoutSeconds * 1000});
		this.options.log(`retry ${attempt}/${this.options.maxRetries} in ${(delay / 1000).toFixed(1)} s after: ${last?.message ?? 'a failure'}`);
		await sleep(delay, undefined, {signal}).catch((error: unknown) => {
			throw _interrupted(error);
		});
	}
}

function _count(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function _interrupted(cause: unknown): EngineError {
	return new EngineError('E_INTERRUPTED', 'model call was aborted', {cause});
}

/** A refusal that repeating cannot fix: the prompt is too long, the request or the key is wrong. */
function _toPermanentError(failure: RequestFailure, promptTokens: number): EngineError {
	if (failure.promptTooLong)
		return new EngineError('E_PROMPT_TOO_LONG', `${failure.message} (prompt of ${promptTokens} tokens): use smaller chunks, or give the server more context per slot (-c / -np)`, {cause: failure, retryable: false});
	if (failure.status === 401 || failure.status === 403)
		return new EngineError('E_ENGINE_UNAVAILABLE', `${failure.message}: set the API key in the variable named by engine.openai.apiKeyEnv`, {cause: failure, retryable: false});
	return new EngineError('E_GENERATION_FAILED', `${failure.message}: the server refused the request; check --api-model and the server's log`, {cause: failure, retryable: false});
}

/** Every attempt failed for a reason that might pass: a per-document failure, retried on the next run. */
function _toExhaustedError(last: RequestFailure | undefined, attempts: number): EngineError {
	const code: ErrorCode = last?.kind === 'connection' ? 'E_ENGINE_UNAVAILABLE' : 'E_GENERATION_FAILED';
	const fix = last?.kind === 'connection' ? 'check that the servers run (--base-url)' : last?.kind === 'timeout' ? 'raise engine.openai.timeoutSeconds' : "see the server's log";
	return new EngineError(code, `model call failed ${attempts} times, last: ${last?.message ?? 'unknown failure'}: ${fix}`, {cause: last});
}
