import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {z} from 'zod';
import {ConfigError, type ConfigIssue} from '../errors.js';
import {checkFieldRules} from './checkFieldRules.js';
import {DEFAULT_CONFIG} from './defaults.js';
import {findPipelineFile, loadConfigFile, type ConfigLayer} from './loadConfigFile.js';
import {configSchema, type ResolvedConfig} from './schema.js';

export interface ResolveConfigOptions {
	/** A pipeline file to load (`--config`). */
	config?: string;
	/** A pipeline name, loaded from `pipelines/NAME.yaml` (`--pipeline`). */
	pipeline?: string;
	/** Values from command-line flags, keyed by dotted config path (`engine.parallel`). */
	overrides?: Record<string, unknown>;
	/** @default process.cwd() */
	cwd?: string;
	/** Environment read for PRECIS_MODEL. @default process.env */
	env?: Record<string, string | undefined>;
}

export interface ConfigResolution {
	config: ResolvedConfig;
	/** The pipeline file that was loaded, if any. */
	file: string | undefined;
}

/**
 * Turns defaults, a pipeline file (with what it extends), PRECIS_MODEL and CLI flags, in that order
 * of precedence, into one validated config. Without --config or --pipeline, `pipeline.config.yaml`
 * in the working folder is used when present.
 */
export function resolveConfig(options: ResolveConfigOptions = {}): ConfigResolution {
	const cwd = options.cwd ?? process.cwd();
	const env = options.env ?? process.env;
	if (options.config !== undefined && options.pipeline !== undefined) {
		throw new ConfigError(undefined, [{path: '--config/--pipeline', message: 'expected one of them, got both'}]);
	}
	const file = _chooseFile(options, cwd);
	const layers: ConfigLayer[] = file === undefined ? [] : loadConfigFile(file, cwd);
	let merged: unknown = structuredClone(DEFAULT_CONFIG);
	for (const layer of layers) merged = _mergeDeep(merged, layer);
	const model = env['PRECIS_MODEL'];
	if (model !== undefined && model !== '') merged = _mergeDeep(merged, {engine: {model}});
	for (const [path, value] of Object.entries(options.overrides ?? {})) {
		if (value !== undefined) merged = _mergeDeep(merged, _nestPath(path, value));
	}
	const parsed = configSchema.safeParse(merged);
	if (!parsed.success) throw new ConfigError(file, parsed.error.issues.map(issue => _describeIssue(issue, merged)));
	const crossFieldIssues = _checkCrossFieldRules(parsed.data);
	if (crossFieldIssues.length > 0) throw new ConfigError(file, crossFieldIssues);
	return {config: parsed.data, file};
}

function _chooseFile(options: ResolveConfigOptions, cwd: string): string | undefined {
	if (options.config !== undefined) return options.config;
	if (options.pipeline !== undefined) return findPipelineFile(options.pipeline, cwd);
	const local = join(cwd, 'pipeline.config.yaml');
	return existsSync(local) ? local : undefined;
}

function _checkCrossFieldRules(config: ResolvedConfig): ConfigIssue[] {
	const issues: ConfigIssue[] = [];
	const {contextSize} = config.engine;
	const {maxTokens, overlapTokens} = config.chunk;
	const {maxOutputTokens} = config.summarize;
	if (contextSize > 0 && maxTokens > 0 && maxTokens + maxOutputTokens >= contextSize) {
		issues.push({path: 'chunk.maxTokens', message: `expected chunk.maxTokens + summarize.maxOutputTokens (${maxOutputTokens}) + the prompt to fit engine.contextSize (${contextSize}), got ${maxTokens}`});
	}
	if (contextSize > 0 && maxOutputTokens >= contextSize / 2) {
		issues.push({path: 'summarize.maxOutputTokens', message: `expected less than half of engine.contextSize (${contextSize}), got ${maxOutputTokens}`});
	}
	if (maxTokens > 0 && overlapTokens * 2 > maxTokens) {
		issues.push({path: 'chunk.overlapTokens', message: `expected at most half of chunk.maxTokens (${maxTokens}), got ${overlapTokens}`});
	}
	if (config.engine.type === 'openai' && config.engine.openai.baseUrls.length === 0) {
		issues.push({path: 'engine.openai.baseUrls', message: 'expected at least one server URL when engine.type is openai (--base-url), got none'});
	}
	issues.push(...checkFieldRules(config));
	return issues;
}

function _describeIssue(issue: z.core.$ZodIssue, input: unknown): ConfigIssue {
	const path = issue.path.map(String).join('.') || '(root)';
	const actual = _describeValue(_valueAt(input, issue.path));
	switch (issue.code) {
		case 'invalid_type':
			return {path, message: `expected ${issue.expected}, got ${actual}`};
		case 'unrecognized_keys':
			return {path: issue.keys.map(key => (path === '(root)' ? key : `${path}.${key}`)).join(', '), message: 'expected a known key, got an unknown one (check its spelling)'};
		case 'invalid_value':
			return {path, message: `expected one of ${issue.values.map(value => JSON.stringify(value)).join(', ')}, got ${actual}`};
		case 'too_small':
			return {path, message: `expected ${issue.origin === 'string' || issue.origin === 'array' ? 'a non-empty value' : `at least ${String(issue.minimum)}`}, got ${actual}`};
		case 'too_big':
			return {path, message: `expected at most ${String(issue.maximum)}, got ${actual}`};
		default:
			return {path, message: `expected ${issue.message.replace(/^Invalid input: expected /, '').replace(/^Invalid /, 'a valid ')}, got ${actual}`};
	}
}

function _valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let value = input;
	for (const key of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

function _describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	const text = JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function _nestPath(path: string, value: unknown): Record<string, unknown> {
	return path.split('.').reduceRight<Record<string, unknown>>((inner, key) => ({[key]: inner}), value as Record<string, unknown>);
}

function _isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `layer` over `base`: mappings merge key by key, anything else (lists too) replaces. */
function _mergeDeep(base: unknown, layer: unknown): unknown {
	if (!_isPlainObject(base) || !_isPlainObject(layer)) return layer;
	const result: Record<string, unknown> = {...base};
	for (const [key, value] of Object.entries(layer)) result[key] = _mergeDeep(base[key], value);
	return result;
}
