import type {ResolvedConfig} from '../config/schema.js';
import {getModelFingerprint} from './getModelFingerprint.js';
import {resolveModelPath} from './resolveModelPath.js';

/** The id of a local engine: its model file's {@link getModelFingerprint}. */
export function toLocalEngineId(fingerprint: string): string {
	return `local:${fingerprint}`;
}

/**
 * The id of an OpenAI-compatible engine: the tokenizer GGUF's fingerprint, with the configured model
 * name when there is one (the name a server reports may be its file path, which differs between
 * machines). Never equal to a local engine's id, so cache keys never mix.
 */
export function toOpenAiEngineId(apiModel: string, fingerprint: string): string {
	return apiModel === '' ? `openai:${fingerprint}` : `openai:${apiModel}:${fingerprint}`;
}

/**
 * The id an engine built from these options will have, found without loading the model or asking a
 * server, so that a run over unchanged documents never loads either. Undefined when only the engine
 * itself can tell: a remote model not downloaded yet, a missing file, or servers that name their
 * own tokenizer.
 */
export async function identifyEngine(options: ResolvedConfig['engine']): Promise<string | undefined> {
	try {
		if (options.type === 'openai') {
			const {tokenizer, apiModel} = options.openai;
			return tokenizer === '' ? undefined : toOpenAiEngineId(apiModel, await getModelFingerprint(tokenizer));
		}
		const modelPath = await resolveModelPath(options.model, {modelsDir: options.modelsDir, download: false});
		return toLocalEngineId(await getModelFingerprint(modelPath));
	} catch {
		// Loading the engine reports the problem, with its fix.
		return undefined;
	}
}
