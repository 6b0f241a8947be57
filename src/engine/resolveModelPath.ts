import fs from 'node:fs/promises';
import path from 'node:path';
import {resolveModelFile} from 'node-llama-cpp';
import {EngineError, toError} from '../errors.js';
import {createRequestTimeout} from './createRequestTimeout.js';

export interface ResolveModelPathOptions {
	/** Folder that holds downloaded models. */
	modelsDir: string;
	/** Download a missing remote model; when false, a missing one fails at once. @default true */
	download?: boolean;
	/** Show node-llama-cpp's progress bar while downloading. @default false */
	showProgress?: boolean;
	onProgress?: (status: {downloadedSize: number; totalSize: number}) => void;
	/** How long the reachability probe of the model host may take. @default 5000 */
	probeTimeoutMs?: number;
	signal?: AbortSignal;
}

const _remotePattern = /^(hf:|huggingface:|https?:\/\/)/i;
const _urlPattern = /^https?:\/\//i;
const _defaultHfEndpoint = 'https://huggingface.co';

/** Whether `model` names a remote model (an `hf:` URI or a URL) rather than a local file. */
export function isRemoteModel(model: string): boolean {
	return _remotePattern.test(model);
}

/**
 * Turns a model setting into a local file path. A local path is used as is. A remote model
 * already in `modelsDir` is used without network access; otherwise the host is probed first
 * (node-llama-cpp's resolver can hang for minutes offline) and the model downloaded.
 */
export async function resolveModelPath(model: string, options: ResolveModelPathOptions): Promise<string> {
	if (!isRemoteModel(model)) {
		const modelPath = path.resolve(model);
		const stat = await fs.stat(modelPath).catch(() => undefined);
		if (stat?.isFile() !== true)
			throw new EngineError('E_MODEL_UNAVAILABLE', `model file ${modelPath} does not exist: set \`model:\` to an existing .gguf file or an hf: URI`, {retryable: false});
		return modelPath;
	}

	if (_urlPattern.test(model) && !URL.canParse(model))
		throw new EngineError('E_MODEL_UNAVAILABLE', `model URL ${model} is not a valid URL: set \`model:\` to an hf: URI, an https URL or a local .gguf`, {retryable: false});
	const fileName = _getUrlFileName(model);
	const local = await resolveModelFile(model, {directory: options.modelsDir, fileName, download: false, cli: false}).catch(() => undefined);
	if (local !== undefined) return local;
	const fix = `download it once with \`precis models pull ${model}\` or set \`model:\` to a local .gguf`;
	if (options.download === false)
		throw new EngineError('E_MODEL_UNAVAILABLE', `model ${model} is not in ${options.modelsDir}: ${fix}`, {retryable: false});

	await _probeHost(_getHostUrl(model), options.probeTimeoutMs ?? 5000, `model ${model} is not in ${options.modelsDir} and its host cannot be reached: ${fix}`);
	try {
		return await resolveModelFile(model, {
			directory: options.modelsDir,
			fileName,
			cli: options.showProgress ?? false,
			onProgress: options.onProgress,
			signal: options.signal,
		});
	} catch (error) {
		throw new EngineError('E_MODEL_UNAVAILABLE', `could not download model ${model} into ${options.modelsDir} (${toError(error).message}): ${fix}`, {cause: error});
	}
}

/**
 * The file name a plain URL is stored under. node-llama-cpp only knows the name of `hf:` URIs and
 * Hugging Face URLs before asking the server, so other URLs are pinned to their last path segment
 * to be found again offline.
 */
function _getUrlFileName(model: string): string | undefined {
	if (!_urlPattern.test(model)) return undefined;
	const url = new URL(model);
	if (/(^|\.)(huggingface\.co|hf\.co)$/i.test(url.hostname)) return undefined;
	const name = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
	return name.length > 0 ? name : undefined;
}

function _getHostUrl(model: string): string {
	return _urlPattern.test(model) ? new URL(model).origin : _getHuggingFaceEndpoint();
}

/**
 * The host node-llama-cpp downloads `hf:` models from: llama.cpp's MODEL_ENDPOINT or HF_ENDPOINT
 * (a mirror), else Hugging Face. Probing the same host keeps a mirror user from being told the
 * default host is unreachable.
 */
function _getHuggingFaceEndpoint(): string {
	const configured = [process.env['MODEL_ENDPOINT'], process.env['HF_ENDPOINT']].find(url => url !== undefined && _urlPattern.test(url));
	return configured === undefined ? _defaultHfEndpoint : new URL(configured).origin;
}

/** Fails within `timeoutMs` unless the host answers (any HTTP status counts as reachable). */
async function _probeHost(url: string, timeoutMs: number, message: string): Promise<void> {
	using timeout = createRequestTimeout(timeoutMs);
	try {
		await fetch(url, {method: 'HEAD', signal: timeout.signal});
	} catch (error) {
		throw new EngineError('E_MODEL_UNAVAILABLE', `${message} (${url}: ${_describeNetworkError(error)})`, {cause: error});
	}
}

function _describeNetworkError(error: unknown): string {
	const cause = (error as {cause?: {code?: string}}).cause;
	if (cause?.code !== undefined) return cause.code;
	return toError(error).name === 'TimeoutError' ? 'no answer' : toError(error).message;
}
