import {toError} from '../../errors.js';
import {createRequestTimeout} from '../createRequestTimeout.js';
import {parseRetryAfter} from './getRetryDelayMs.js';
import {RequestFailure} from './RequestFailure.js';

export interface RequestJsonOptions {
	/** A JSON body to POST; without one the call is a GET. */
	body?: unknown;
	apiKey?: string;
	timeoutMs: number;
	/** Aborts the call; the abort reason is thrown as is. */
	signal?: AbortSignal;
}

/**
 * One HTTP call that answers JSON. Throws a {@link RequestFailure} for an error status, a lost or
 * refused connection, an answer that is not JSON, or no answer within `timeoutMs`; an abort through
 * `signal` throws its reason instead.
 */
export async function requestJson(url: string, options: RequestJsonOptions): Promise<unknown> {
	using timeout = createRequestTimeout(options.timeoutMs);
	const signal = options.signal === undefined ? timeout.signal : AbortSignal.any([options.signal, timeout.signal]);
	const headers: Record<string, string> = {accept: 'application/json'};
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	if (options.apiKey !== undefined && options.apiKey !== '') headers['authorization'] = `Bearer ${options.apiKey}`;
	let text: string;
	let response: Response;
	try {
		response = await fetch(url, {method: options.body === undefined ? 'GET' : 'POST', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal});
		text = await response.text();
	} catch (error) {
		if (options.signal?.aborted === true) throw options.signal.reason;
		if (timeout.signal.aborted || _isUndiciTimeout(error)) throw new RequestFailure('timeout', url, `no answer from ${url} within ${options.timeoutMs / 1000} s`, {cause: error});
		throw new RequestFailure('connection', url, `cannot reach ${url} (${_describeConnectionError(error)})`, {cause: error});
	}
	if (!response.ok) {
		const {message, type} = _readErrorBody(text);
		const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
		const wait = retryAfterMs === undefined ? '' : ` (retry after ${retryAfterMs / 1000} s)`;
		throw new RequestFailure('http', url, `${url} answered ${response.status}${message === '' ? '' : `: ${message}`}${wait}`, {status: response.status, errorType: type, retryAfterMs});
	}
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new RequestFailure('http', url, `${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 80)}`, {status: 502, cause: error});
	}
}

/** The `{error: {message, type}}` body OpenAI-compatible servers send with an error status. */
function _readErrorBody(text: string): {message: string; type: string | undefined} {
	try {
		const parsed = JSON.parse(text) as {error?: {message?: unknown; type?: unknown} | string; message?: unknown};
		const error = parsed.error;
		if (typeof error === 'string') return {message: error, type: undefined};
		const message = typeof error?.message === 'string' ? error.message : typeof parsed.message === 'string' ? parsed.message : text;
		return {message: message.slice(0, 300), type: typeof error?.type === 'string' ? error.type : undefined};
	} catch {
		return {message: text.trim().slice(0, 300), type: undefined};
	}
}

/** Node's fetch (undici) gives up on its own after 300 s without headers or body data. */
function _isUndiciTimeout(error: unknown): boolean {
	const code = (error as {cause?: {code?: unknown}} | undefined)?.cause?.code;
	return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

/** undici hides the system error (ECONNREFUSED, ECONNRESET, ...) in `cause`. */
function _describeConnectionError(error: unknown): string {
	const cause = (error as {cause?: {code?: unknown; message?: unknown}} | undefined)?.cause;
	if (typeof cause?.code === 'string') return cause.code;
	if (typeof cause?.message === 'string') return cause.message;
	return toError(error).message;
}
