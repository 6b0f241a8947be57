import {ConfigError} from '../../errors.js';
import type {Tokenizer} from '../Engine.js';
import {getServerRoot} from './probeEndpoint.js';
import {RequestFailure} from './RequestFailure.js';
import {requestJson} from './requestJson.js';

/** Text with spaces, digits, accents, punctuation and a tab: tokenizers that differ rarely agree on all of it. */
const _probeText = 'Précis: 12 345 naïve cafés, «quotes» — and\ttabs; ok?\nThe END.';

/**
 * Checks a local tokenizer against the server's `POST /tokenize` (llama-server) token for token.
 * Returns false when the server has no such route (nothing can be checked); throws a ConfigError
 * naming `tokenizerPath` when they disagree.
 */
export async function checkServerTokenizer(baseUrl: string, tokenizer: Tokenizer, options: {tokenizerPath: string; apiKey: string; timeoutMs: number}): Promise<boolean> {
	let answer: unknown;
	try {
		answer = await requestJson(`${getServerRoot(baseUrl)}/tokenize`, {body: {content: _probeText, add_special: false}, apiKey: options.apiKey, timeoutMs: options.timeoutMs});
	} catch (error) {
		if (error instanceof RequestFailure && error.kind === 'http' && error.status !== 401 && error.status !== 403) return false;
		throw error;
	}
	const served = (answer as {tokens?: unknown}).tokens;
	if (!Array.isArray(served)) return false;
	const local = tokenizer.tokenize(_probeText);
	if (served.length !== local.length || served.some((token, index) => token !== local[index]))
		throw new ConfigError(undefined, [{
			path: 'engine.openai.tokenizer',
			message: `${options.tokenizerPath} tokenizes differently from the model served at ${baseUrl} (${local.length} vs ${served.length} tokens for a probe text): pass the GGUF the server runs with --tokenizer`,
		}]);
	return true;
}
