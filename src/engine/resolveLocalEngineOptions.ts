import {DEFAULT_CONFIG} from '../config/defaults.js';
import {ConfigError, type ConfigIssue} from '../errors.js';
import {isIntegerAtLeast} from './isIntegerAtLeast.js';

export type LocalEngineGpu = 'auto' | false | 'cuda' | 'vulkan' | 'metal';

/** Options of the local node-llama-cpp engine (`LlamaEngine.create`); defaults come from `DEFAULT_CONFIG.engine`. */
export interface LocalEngineOptions {
	/**
	 * A local `.gguf` path, or an `hf:` URI / https URL that is downloaded once into `modelsDir`.
	 * @default DEFAULT_MODEL (Llama 3.2 3B Instruct, Q4_K_M)
	 */
	model?: string;
	/**
	 * Folder for downloaded models; a model already there is used without any network access.
	 * @default 'output/models'
	 */
	modelsDir?: string;
	/**
	 * Compute backend. `'auto'` uses a working GPU (CUDA, Vulkan or Metal) and quietly falls back to the CPU.
	 * @default 'auto'
	 */
	gpu?: LocalEngineGpu;
	/**
	 * CPU threads for evaluation; 0 uses the cores that are useful for math (physical cores), never more.
	 * @default 0
	 */
	threads?: number;
	/**
	 * Tokens one call may use (prompt plus output), per sequence. 0 takes as many as the model was trained
	 * for and memory allows, capped by `maxContextSize`.
	 * @default 0
	 */
	contextSize?: number;
	/**
	 * Upper bound for an automatic `contextSize` (each sequence gets its own KV cache of this size).
	 * @default 8192
	 */
	maxContextSize?: number;
	/**
	 * Calls served at once (context sequences); further calls wait for a free sequence.
	 * @default 2
	 */
	parallel?: number;
	/**
	 * Tokens evaluated per batch while reading a prompt.
	 * @default 512
	 */
	batchSize?: number;
	/**
	 * Show a progress bar while a model downloads.
	 * @default true when stderr is a terminal
	 */
	showDownloadProgress?: boolean;
}

export type ResolvedLocalEngineOptions = Required<LocalEngineOptions>;

const _gpuValues: readonly LocalEngineGpu[] = ['auto', false, 'cuda', 'vulkan', 'metal'];

/** Fills in defaults and checks every option; all problems are reported at once as a ConfigError. */
export function resolveLocalEngineOptions(options: LocalEngineOptions): ResolvedLocalEngineOptions {
	const defaults = DEFAULT_CONFIG.engine;
	const resolved: ResolvedLocalEngineOptions = {
		model: options.model ?? defaults.model,
		modelsDir: options.modelsDir ?? defaults.modelsDir,
		gpu: options.gpu ?? defaults.gpu,
		threads: options.threads ?? defaults.threads,
		contextSize: options.contextSize ?? defaults.contextSize,
		maxContextSize: options.maxContextSize ?? defaults.maxContextSize,
		parallel: options.parallel ?? defaults.parallel,
		batchSize: options.batchSize ?? 512,
		showDownloadProgress: options.showDownloadProgress ?? process.stderr.isTTY === true,
	};
	const issues: ConfigIssue[] = [];
	const _expect = (name: keyof LocalEngineOptions, ok: boolean, expected: string): void => {
		if (!ok) issues.push({path: `engine.${name}`, message: `Expected \`${name}\` to be ${expected}, got ${JSON.stringify(resolved[name])}`});
	};
	_expect('model', typeof resolved.model === 'string' && resolved.model.length > 0, 'a .gguf path or an hf: URI');
	_expect('modelsDir', typeof resolved.modelsDir === 'string' && resolved.modelsDir.length > 0, 'a folder path');
	_expect('gpu', _gpuValues.includes(resolved.gpu), "'auto', false, 'cuda', 'vulkan' or 'metal'");
	_expect('threads', isIntegerAtLeast(resolved.threads, 0), 'an integer >= 0');
	_expect('contextSize', isIntegerAtLeast(resolved.contextSize, 0), 'an integer >= 0');
	_expect('maxContextSize', isIntegerAtLeast(resolved.maxContextSize, 64), 'an integer >= 64');
	_expect('parallel', isIntegerAtLeast(resolved.parallel, 1), 'an integer >= 1');
	_expect('batchSize', isIntegerAtLeast(resolved.batchSize, 1), 'an integer >= 1');
	if (issues.length > 0) throw new ConfigError(undefined, issues);
	return resolved;
}
