import {existsSync, readFileSync} from 'node:fs';
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseDocument} from 'yaml';
import {ConfigError} from '../errors.js';

/** A parsed configuration layer: the keys one file sets, still unvalidated. */
export type ConfigLayer = Record<string, unknown>;

/** The folder precis is installed in (holds the shipped `pipelines/` and `pipeline.config.yaml`). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Finds `pipelines/NAME.yaml` in the working folder first, then among the pipelines shipped with precis. */
export function findPipelineFile(name: string, cwd: string): string {
	const candidates = [join(cwd, 'pipelines', `${name}.yaml`), join(PACKAGE_ROOT, 'pipelines', `${name}.yaml`)];
	const found = candidates.find(candidate => existsSync(candidate));
	if (found === undefined) {
		throw new ConfigError(undefined, [{path: 'pipeline', message: `expected a pipeline name with a file pipelines/${name}.yaml, got "${name}" (no such file)`}]);
	}
	return found;
}

/**
 * Reads a pipeline file and the files it `extends`, returning their layers base first.
 * `extends` names a pipeline (`nightly`) or a path relative to the file that extends it.
 */
export function loadConfigFile(file: string, cwd: string): ConfigLayer[] {
	const layers: ConfigLayer[] = [];
	const seen: string[] = [];
	let current: string | undefined = resolve(cwd, file);
	while (current !== undefined) {
		if (seen.includes(current)) {
			throw new ConfigError(current, [{path: 'extends', message: `expected a chain without cycles, got ${[...seen, current].join(' -> ')}`}]);
		}
		seen.push(current);
		const layer = _parseYamlFile(current);
		const parent = layer['extends'];
		delete layer['extends'];
		layers.unshift(layer);
		if (parent === undefined) {
			current = undefined;
		} else if (typeof parent === 'string' && parent.length > 0) {
			current = _resolveExtends(parent, current, cwd);
		} else {
			throw new ConfigError(current, [{path: 'extends', message: `expected a pipeline name or file path, got ${JSON.stringify(parent)}`}]);
		}
	}
	return layers;
}

function _resolveExtends(parent: string, from: string, cwd: string): string {
	const looksLikePath = parent.includes('/') || parent.endsWith('.yaml') || parent.endsWith('.yml');
	if (!looksLikePath) return findPipelineFile(parent, cwd);
	return isAbsolute(parent) ? parent : resolve(dirname(from), parent);
}

function _parseYamlFile(file: string): ConfigLayer {
	let source: string;
	try {
		source = readFileSync(file, 'utf8');
	} catch (error) {
		throw new ConfigError(file, [{path: '(file)', message: `expected a readable YAML file, got ${(error as NodeJS.ErrnoException).code ?? 'an unreadable file'}`}]);
	}
	const document = parseDocument(source, {prettyErrors: true});
	if (document.errors.length > 0) {
		throw new ConfigError(file, document.errors.map(error => ({path: '(yaml)', message: error.message.split('\n')[0] ?? error.message})));
	}
	const value: unknown = document.toJS();
	if (value === null || value === undefined) return {};
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw new ConfigError(file, [{path: '(root)', message: `expected a mapping of keys, got ${Array.isArray(value) ? 'a list' : typeof value}`}]);
	}
	return value as ConfigLayer;
}
