import {existsSync} from 'node:fs';
import {ConfigError, EngineError} from '../../errors.js';
import {checkServerTokenizer} from './checkServerTokenizer.js';
import {probeEndpoint, type EndpointInfo} from './probeEndpoint.js';
import type {ResolvedOpenAiEngineOptions} from './resolveOpenAiEngineOptions.js';
import {ServedTokenizer} from './ServedTokenizer.js';

/** What an OpenAiEngine needs from its servers before the first call. */
export interface ServerSetup {
	endpoints: Array<{url: string; concurrency: number}>;
	contextSize: number;
	apiModel: string;
	tokenizer: ServedTokenizer;
}

/** A probe gets this long at most, however long calls may take. */
const _probeTimeoutMs = 15_000;

/**
 * Asks every server about itself, picks the tokenizer, the concurrency per server and the context
 * size, and logs each choice with where it came from. A server that does not answer starts out of
 * rotation; none answering is an E_ENGINE_UNAVAILABLE. Nothing is guessed: without a tokenizer file
 * or a context size from config or server, this throws a ConfigError saying which flag to pass.
 */
export async function connectServers(options: ResolvedOpenAiEngineOptions): Promise<ServerSetup> {
	const {baseUrls, apiKey, log} = options;
	const timeoutMs = Math.min(_probeTimeoutMs, options.timeoutSeconds * 1000);
	const probes = await Promise.allSettled(baseUrls.map(url => probeEndpoint(url, {apiKey, timeoutMs})));
	const infos = new Map<string, EndpointInfo>();
	probes.forEach((probe, index) => {
		const url = baseUrls[index] ?? '';
		if (probe.status === 'fulfilled') infos.set(url, probe.value);
		else log(`${url} does not answer (${String((probe.reason as Error).message)}): it starts out of rotation`);
	});
	if (infos.size === 0) {
		const reasons = probes.map((probe, index) => `${baseUrls[index] ?? ''}: ${probe.status === 'rejected' ? String((probe.reason as Error).message) : ''}`).join('; ');
		throw new EngineError('E_ENGINE_UNAVAILABLE', `no server answers (${reasons}): start one (npm run test-server -- --model FILE --port N) or fix --base-url`, {retryable: false});
	}
	const answered = [...infos.values()];

	const tokenizerPath = _resolveTokenizerPath(options, infos);
	const tokenizer = await ServedTokenizer.load(tokenizerPath);
	try {
		for (const url of infos.keys()) {
			const checked = await checkServerTokenizer(url, tokenizer.tokenizer, {tokenizerPath, apiKey, timeoutMs});
			if (!checked) log(`${url} has no /tokenize: cannot check that ${tokenizerPath} is its tokenizer`);
		}
		const reportedSlots = answered.map(info => info.slots).filter(slots => slots !== undefined);
		const endpoints = baseUrls.map(url => {
			const slots = infos.get(url)?.slots ?? (reportedSlots.length > 0 ? Math.min(...reportedSlots) : 1);
			const concurrency = options.concurrencyPerEndpoint > 0 ? options.concurrencyPerEndpoint : slots;
			return {url, concurrency};
		});
		const where = options.concurrencyPerEndpoint > 0 ? 'engine.openai.concurrencyPerEndpoint' : 'the slots the servers report';
		log(`concurrency ${endpoints.map(endpoint => `${endpoint.url}=${endpoint.concurrency}`).join(', ')} (from ${where})`);
		return {endpoints, contextSize: _resolveContextSize(options, infos), apiModel: options.apiModel || (answered.find(info => info.modelName !== undefined)?.modelName ?? ''), tokenizer};
	} catch (error) {
		await tokenizer.dispose();
		throw error;
	}
}

/** `--tokenizer`, else the model file the servers report when it is on this machine; never a guess. */
function _resolveTokenizerPath(options: ResolvedOpenAiEngineOptions, infos: ReadonlyMap<string, EndpointInfo>): string {
	if (options.tokenizer !== '') {
		options.log(`tokenizer and chat template: ${options.tokenizer} (engine.openai.tokenizer)`);
		return options.tokenizer;
	}
	const paths = new Set([...infos.values()].map(info => info.modelPath));
	const [path] = paths;
	if (paths.size === 1 && path !== undefined && existsSync(path)) {
		options.log(`tokenizer and chat template: ${path} (the model file the servers report in /props; pass --tokenizer to choose another)`);
		return path;
	}
	const found = paths.size > 1 ? 'the servers report different model files' : path === undefined ? 'the servers do not report their model file' : `the reported model file ${path} is not on this machine`;
	throw new ConfigError(undefined, [{path: 'engine.openai.tokenizer', message: `expected the GGUF whose tokenizer and chat template the servers use (--tokenizer FILE), got none and ${found}`}]);
}

/** `engine.contextSize` when set (it must fit every server), else the smallest per-slot context the servers report. */
function _resolveContextSize(options: ResolvedOpenAiEngineOptions, infos: ReadonlyMap<string, EndpointInfo>): number {
	const reported = [...infos.entries()].filter(([, info]) => info.contextSize !== undefined);
	const smallest = reported.toSorted(([, a], [, b]) => (a.contextSize ?? 0) - (b.contextSize ?? 0))[0];
	if (options.contextSize > 0) {
		if (smallest?.[1].contextSize !== undefined && options.contextSize > smallest[1].contextSize)
			throw new ConfigError(undefined, [{path: 'engine.contextSize', message: `expected at most ${smallest[1].contextSize}, the per-slot context of ${smallest[0]}, got ${options.contextSize}: lower --context-size or give the server more context (-c)`}]);
		options.log(`context ${options.contextSize} tokens per call (engine.contextSize)`);
		return options.contextSize;
	}
	if (smallest?.[1].contextSize === undefined)
		throw new ConfigError(undefined, [{path: 'engine.contextSize', message: 'expected the tokens per call (--context-size), got 0 and the servers do not report their context size'}]);
	options.log(`context ${smallest[1].contextSize} tokens per call (the per-slot context of ${smallest[0]})`);
	return smallest[1].contextSize;
}
