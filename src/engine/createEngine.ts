import type {ResolvedConfig} from '../config/schema.js';
import type {Engine} from './Engine.js';
import {LlamaEngine} from './LlamaEngine.js';

/** Creates the engine a pipeline names, from its `engine` section. */
export async function createEngine(options: ResolvedConfig['engine']): Promise<Engine> {
	const {model, modelsDir, gpu, threads, contextSize, maxContextSize, parallel} = options;
	return LlamaEngine.create({model, modelsDir, gpu, threads, contextSize, maxContextSize, parallel});
}
