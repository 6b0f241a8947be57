import type {Argv} from 'yargs';
import {resolveConfig, type ConfigResolution} from '../config/resolveConfig.js';
import {fatalErrorFormat} from './fatalErrorFormat.js';

/** Flags every pipeline command shares: which pipeline to load, and the keys flags may override. */
export interface ConfigFlags {
	config?: string;
	pipeline?: string;
	db?: string;
	model?: string;
	contextSize?: number;
	chunkTokens?: number;
	overlapTokens?: number;
	parallel?: number;
	threads?: number;
	gpu?: string;
	engine?: string;
	baseUrl?: string[];
	apiModel?: string;
	tokenizer?: string;
	style?: string;
	language?: string;
	logFormat?: string;
	timeout?: number;
	ocr?: string;
}

/** Which config key each flag sets. */
const _flagPaths: Record<keyof Omit<ConfigFlags, 'config' | 'pipeline'>, string> = {
	db: 'db',
	model: 'engine.model',
	contextSize: 'engine.contextSize',
	chunkTokens: 'chunk.maxTokens',
	overlapTokens: 'chunk.overlapTokens',
	parallel: 'engine.parallel',
	threads: 'engine.threads',
	gpu: 'engine.gpu',
	engine: 'engine.type',
	baseUrl: 'engine.openai.baseUrls',
	apiModel: 'engine.openai.apiModel',
	tokenizer: 'engine.openai.tokenizer',
	style: 'summarize.style',
	language: 'summarize.language',
	logFormat: 'log.format',
	timeout: 'extract.timeoutSeconds',
	ocr: 'extract.ocr.mode',
};

/** Adds the pipeline-selection flags to a command. */
export function addPipelineFlags<T>(argv: Argv<T>) {
	return argv
		.option('config', {type: 'string', describe: 'Pipeline YAML file to load'})
		.option('pipeline', {type: 'string', describe: 'Named pipeline: loads pipelines/NAME.yaml'})
		.conflicts('config', 'pipeline');
}

/** Adds every config-overriding flag to a command. */
export function addConfigFlags<T>(argv: Argv<T>) {
	return addPipelineFlags(argv)
		.option('db', {type: 'string', describe: 'SQLite database file (db)'})
		.option('model', {type: 'string', describe: 'GGUF model path or hf: URI (engine.model; env PRECIS_MODEL)'})
		.option('context-size', {type: 'number', describe: 'Tokens per sequence (engine.contextSize)'})
		.option('chunk-tokens', {type: 'number', describe: 'Tokens per chunk (chunk.maxTokens)'})
		.option('overlap-tokens', {type: 'number', describe: 'Tokens of overlap between chunks (chunk.overlapTokens)'})
		.option('parallel', {type: 'number', describe: 'Model calls at once (engine.parallel)'})
		.option('threads', {type: 'number', describe: 'CPU threads for inference (engine.threads)'})
		.option('gpu', {type: 'string', describe: 'auto, cuda, vulkan, metal or false (engine.gpu)'})
		.option('engine', {type: 'string', describe: 'local or openai (engine.type)'})
		.option('base-url', {type: 'string', array: true, describe: 'OpenAI-compatible server URL, repeatable (engine.openai.baseUrls)'})
		.option('api-model', {type: 'string', describe: 'Model name for the servers (engine.openai.apiModel)'})
		.option('tokenizer', {type: 'string', describe: 'GGUF whose tokenizer the servers use (engine.openai.tokenizer)'})
		.option('style', {type: 'string', describe: 'paragraph, bullets or json (summarize.style)'})
		.option('language', {type: 'string', describe: 'Language of the summaries (summarize.language)'})
		.option('log-format', {type: 'string', describe: 'text or json (log.format)'})
		.option('timeout', {type: 'number', describe: 'Seconds allowed to extract one document (extract.timeoutSeconds)'})
		.option('ocr', ocrFlag);
}

/** `--ocr`, shared by every command that extracts. */
export const ocrFlag = {type: 'string', choices: ['auto', 'always', 'off'], describe: 'Read scanned pages and images by OCR: auto, always or off (extract.ocr.mode)'} as const;

/** Resolves the config a command runs with, from its flags; from then on fatal errors print in its log format. */
export function resolveConfigFromFlags(flags: ConfigFlags): ConfigResolution {
	const overrides: Record<string, unknown> = {};
	for (const [flag, path] of Object.entries(_flagPaths)) {
		const value = flags[flag as keyof typeof _flagPaths];
		if (value !== undefined) overrides[path] = path === 'engine.gpu' && value === 'false' ? false : value;
	}
	const resolution = resolveConfig({config: flags.config, pipeline: flags.pipeline, overrides});
	fatalErrorFormat.set(resolution.config.log.format);
	return resolution;
}
