import type {ResolvedConfig} from '../config/schema.js';
import type {Engine} from './Engine.js';
import {identifyEngine} from './identifyEngine.js';
import {LazyEngine} from './LazyEngine.js';
import {LlamaEngine} from './LlamaEngine.js';
import {OpenAiEngine} from './openai/OpenAiEngine.js';

/** Creates the engine a pipeline names, from its `engine` section (and, for `openai`, the API key from the variable it names). */
export async function createEngine(options: ResolvedConfig['engine']): Promise<Engine> {
	const {model, modelsDir, gpu, threads, contextSize, maxContextSize, parallel} = options;
	if (options.type === 'openai') {
		const {apiKeyEnv, ...openai} = options.openai;
		return OpenAiEngine.create({...openai, contextSize, apiKey: apiKeyEnv === '' ? '' : (process.env[apiKeyEnv] ?? '')});
	}
	return LlamaEngine.create({model, modelsDir, gpu, threads, contextSize, maxContextSize, parallel});
}

/** The engine a pipeline names, loaded only when a document first needs it (see {@link LazyEngine}). */
export async function createLazyEngine(options: ResolvedConfig['engine']): Promise<LazyEngine> {
	return new LazyEngine(await identifyEngine(options), () => createEngine(options));
}
