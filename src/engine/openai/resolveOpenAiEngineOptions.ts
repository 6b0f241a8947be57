import {DEFAULT_CONFIG} from '../../config/defaults.js';
import {ConfigError, type ConfigIssue} from '../../errors.js';
import {isIntegerAtLeast} from '../isIntegerAtLeast.js';

/** Options of the engine that drives OpenAI-compatible servers (`OpenAiEngine.create`); defaults come from `DEFAULT_CONFIG.engine`. */
export interface OpenAiEngineOptions {
	/** Base URLs of the servers, such as `http://127.0.0.1:8080/v1`. */
	baseUrls: readonly string[];
	/**
	 * Model name sent with every request; empty takes the name the first server reports.
	 * @default ''
	 */
	apiModel?: string;
	/**
	 * Bearer token sent to the servers; empty sends none.
	 * @default ''
	 */
	apiKey?: string;
	/**
	 * GGUF file with the served model's tokenizer and chat template; empty uses the model file the
	 * servers report in `/props` when that file is on this machine, and refuses otherwise.
	 * @default ''
	 */
	tokenizer?: string;
	/**
	 * Tokens one call may use (prompt plus output); 0 takes the smallest per-slot context the servers report.
	 * @default 0
	 */
	contextSize?: number;
	/**
	 * Limit of one HTTP call, in seconds; at most 300 (Node's fetch waits no longer for an answer).
	 * @default 300
	 */
	timeoutSeconds?: number;
	/**
	 * Further attempts after a 429, a 5xx, a timeout or a connection error.
	 * @default 4
	 */
	maxRetries?: number;
	/**
	 * Calls in flight per server; 0 takes the slots the server reports (1 when it reports none).
	 * @default 0
	 */
	concurrencyPerEndpoint?: number;
	/**
	 * Delay before the first retry, in ms; each further retry doubles it (capped at 32 times), with jitter.
	 * @default 500
	 */
	retryBaseMs?: number;
	/**
	 * Failures in a row after which a server leaves the rotation.
	 * @default 3
	 */
	breakerThreshold?: number;
	/**
	 * How long a server stays out of the rotation before one trial call, in ms.
	 * @default 30000
	 */
	breakerCooldownMs?: number;
	/**
	 * Where the engine reports its choices and server trouble, one line each.
	 * @default a line on stderr
	 */
	log?: (line: string) => void;
}

export type ResolvedOpenAiEngineOptions = Required<OpenAiEngineOptions>;

/** Fills in defaults and checks every option; all problems are reported at once as a ConfigError. */
export function resolveOpenAiEngineOptions(options: OpenAiEngineOptions): ResolvedOpenAiEngineOptions {
	const defaults = DEFAULT_CONFIG.engine.openai;
	const resolved: ResolvedOpenAiEngineOptions = {
		baseUrls: options.baseUrls.map(url => url.replace(/\/+$/, '')),
		apiModel: options.apiModel ?? defaults.apiModel,
		apiKey: options.apiKey ?? '',
		tokenizer: options.tokenizer ?? defaults.tokenizer,
		contextSize: options.contextSize ?? DEFAULT_CONFIG.engine.contextSize,
		timeoutSeconds: options.timeoutSeconds ?? defaults.timeoutSeconds,
		maxRetries: options.maxRetries ?? defaults.maxRetries,
		concurrencyPerEndpoint: options.concurrencyPerEndpoint ?? defaults.concurrencyPerEndpoint,
		retryBaseMs: options.retryBaseMs ?? 500,
		breakerThreshold: options.breakerThreshold ?? 3,
		breakerCooldownMs: options.breakerCooldownMs ?? 30_000,
		log: options.log ?? (line => process.stderr.write(`[openai engine] ${line}\n`)),
	};
	const issues: ConfigIssue[] = [];
	const _expect = (name: keyof OpenAiEngineOptions, ok: boolean, expected: string): void => {
		if (!ok) issues.push({path: name === 'contextSize' ? 'engine.contextSize' : `engine.openai.${name}`, message: `Expected \`${name}\` to be ${expected}, got ${JSON.stringify(resolved[name])}`});
	};
	_expect('baseUrls', resolved.baseUrls.length > 0 && resolved.baseUrls.every(_isHttpUrl), 'one or more http(s) URLs such as http://127.0.0.1:8080/v1');
	_expect('baseUrls', new Set(resolved.baseUrls).size === resolved.baseUrls.length, 'distinct URLs');
	_expect('contextSize', isIntegerAtLeast(resolved.contextSize, 0), 'an integer >= 0');
	// Answers are not streamed, and Node's fetch waits at most 300 s for response headers.
	_expect('timeoutSeconds', typeof resolved.timeoutSeconds === 'number' && resolved.timeoutSeconds > 0 && resolved.timeoutSeconds <= 300, 'a number > 0 and <= 300');
	_expect('maxRetries', isIntegerAtLeast(resolved.maxRetries, 0), 'an integer >= 0');
	_expect('concurrencyPerEndpoint', isIntegerAtLeast(resolved.concurrencyPerEndpoint, 0), 'an integer >= 0');
	_expect('retryBaseMs', isIntegerAtLeast(resolved.retryBaseMs, 0), 'an integer >= 0');
	_expect('breakerThreshold', isIntegerAtLeast(resolved.breakerThreshold, 1), 'an integer >= 1');
	_expect('breakerCooldownMs', isIntegerAtLeast(resolved.breakerCooldownMs, 0), 'an integer >= 0');
	if (issues.length > 0) throw new ConfigError(undefined, issues);
	return resolved;
}

function _isHttpUrl(value: string): boolean {
	try {
		const {protocol} = new URL(value);
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
}
