import {EngineError} from '../errors.js';
import {isRemoteModel, resolveModelPath} from './resolveModelPath.js';

export interface PullModelOptions {
	onProgress?: (status: {downloadedSize: number; totalSize: number}) => void;
	/** Show node-llama-cpp's progress bar. @default false */
	showProgress?: boolean;
	signal?: AbortSignal;
}

/** Downloads a remote model (`hf:` URI or URL) into `modelsDir`, or finds it there; returns its path. */
export async function pullModel(uri: string, modelsDir: string, options: PullModelOptions = {}): Promise<string> {
	if (!isRemoteModel(uri))
		throw new EngineError('E_MODEL_UNAVAILABLE', `${uri} is not a model URI: pass an hf:<user>/<repo>/<file>.gguf URI or an https URL`, {retryable: false});
	return resolveModelPath(uri, {modelsDir, ...options});
}
