import {RequestFailure} from './RequestFailure.js';
import {requestJson} from './requestJson.js';

/** What a server says about itself; every field is optional since servers differ. */
export interface EndpointInfo {
	/** Requests it serves at once (llama-server `total_slots`). */
	slots: number | undefined;
	/** Tokens per request: llama-server's per-slot `n_ctx`, vLLM's `max_model_len`. */
	contextSize: number | undefined;
	/** Model file the server runs (llama-server `model_path`). */
	modelPath: string | undefined;
	/** Model name from `/v1/models` (or llama-server's alias). */
	modelName: string | undefined;
}

/** The server root of a base URL: `http://host:8080/v1` -> `http://host:8080`. */
export function getServerRoot(baseUrl: string): string {
	return baseUrl.replace(/\/v1$/, '');
}

/**
 * Asks a server about itself: llama-server's `GET /props` (slots, per-slot context, model file),
 * then `GET /v1/models` (model name; vLLM's `max_model_len`). A route the server lacks is skipped;
 * a server that cannot be reached throws the {@link RequestFailure}.
 */
export async function probeEndpoint(baseUrl: string, options: {apiKey: string; timeoutMs: number}): Promise<EndpointInfo> {
	const info: EndpointInfo = {slots: undefined, contextSize: undefined, modelPath: undefined, modelName: undefined};
	const props = await _getOptional(`${getServerRoot(baseUrl)}/props`, options) as {total_slots?: unknown; model_path?: unknown; model_alias?: unknown; default_generation_settings?: {n_ctx?: unknown}} | undefined;
	info.slots = _positiveInteger(props?.total_slots);
	info.contextSize = _positiveInteger(props?.default_generation_settings?.n_ctx);
	info.modelPath = typeof props?.model_path === 'string' && props.model_path !== '' ? props.model_path : undefined;
	const models = await _getOptional(`${baseUrl}/models`, options) as {data?: Array<{id?: unknown; max_model_len?: unknown}>} | undefined;
	const first = models?.data?.[0];
	info.modelName = typeof first?.id === 'string' ? first.id : typeof props?.model_alias === 'string' ? props.model_alias : undefined;
	info.contextSize ??= _positiveInteger(first?.max_model_len);
	return info;
}

/** GETs a route; an error answer (such as 404 for a route this server lacks) gives undefined. */
async function _getOptional(url: string, options: {apiKey: string; timeoutMs: number}): Promise<unknown> {
	try {
		return await requestJson(url, options);
	} catch (error) {
		if (error instanceof RequestFailure && error.kind === 'http' && error.status !== 401 && error.status !== 403) return undefined;
		throw error;
	}
}

function _positiveInteger(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
