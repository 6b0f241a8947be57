import test from 'ava';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createConfigJsonSchema} from '../../../src/config/createConfigJsonSchema.js';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {PACKAGE_ROOT} from '../../../src/config/loadConfigFile.js';
import {resolveConfig} from '../../../src/config/resolveConfig.js';
import {ConfigError} from '../../../src/errors.js';
import {createTempDir} from '../../helpers/createTempDir.js';

test('without a pipeline file the defaults resolve as they are', t => {
	const cwd = createTempDir(t);
	const {config, file} = resolveConfig({cwd, env: {}});
	t.is(file, undefined);
	t.deepEqual(config, DEFAULT_CONFIG);
});

test('the documented pipeline.config.yaml states exactly the defaults', t => {
	const {config} = resolveConfig({config: join(PACKAGE_ROOT, 'pipeline.config.yaml'), env: {}});
	t.deepEqual(config, DEFAULT_CONFIG);
});

test('every shipped pipeline validates, and extends inherits', t => {
	const names = readdirSync(join(PACKAGE_ROOT, 'pipelines')).filter(name => name.endsWith('.yaml')).map(name => name.slice(0, -5));
	t.true(names.length >= 3);
	for (const pipeline of names) {
		const {config} = resolveConfig({pipeline, cwd: PACKAGE_ROOT, env: {}});
		t.is(config.name, pipeline);
	}
	const {config} = resolveConfig({pipeline: 'french-summary', cwd: PACKAGE_ROOT, env: {}});
	t.is(config.report.format, 'jsonl', 'inherited from executive-brief');
	t.is(config.summarize.style, 'bullets', 'overridden by french-summary');
	t.is(config.summarize.language, 'French');
});

test('precedence: file < PRECIS_MODEL < flags', t => {
	const cwd = createTempDir(t);
	const file = join(cwd, 'p.yaml');
	writeFileSync(file, 'engine:\n  model: from-file.gguf\n  parallel: 3\n');
	t.is(resolveConfig({config: file, cwd, env: {}}).config.engine.model, 'from-file.gguf');
	t.is(resolveConfig({config: file, cwd, env: {PRECIS_MODEL: 'env.gguf'}}).config.engine.model, 'env.gguf');
	const {config} = resolveConfig({config: file, cwd, env: {PRECIS_MODEL: 'env.gguf'}, overrides: {'engine.model': 'flag.gguf', 'engine.parallel': 4}});
	t.is(config.engine.model, 'flag.gguf');
	t.is(config.engine.parallel, 4);
	t.is(config.engine.threads, DEFAULT_CONFIG.engine.threads, 'untouched keys keep their defaults');
});

test('every problem is listed as path: expected X, got Y, with the file name', t => {
	const cwd = createTempDir(t);
	const file = join(cwd, 'bad.yaml');
	writeFileSync(file, 'engine:\n  parallel: many\n  gpu: yes-please\nsummarize:\n  style: poem\nchunk:\n  maxTokenz: 5\n');
	const error = t.throws(() => resolveConfig({config: file, cwd, env: {}}), {instanceOf: ConfigError});
	t.is(error.code, 'E_CONFIG_INVALID');
	t.true(error.message.includes(file));
	const byPath = new Map(error.issues.map(issue => [issue.path, issue.message]));
	t.is(byPath.get('engine.parallel'), 'expected number, got "many"');
	t.regex(byPath.get('summarize.style') ?? '', /^expected one of "paragraph", "bullets", "json", got "poem"$/);
	t.true(byPath.has('engine.gpu'));
	t.true(byPath.has('chunk.maxTokenz'));
});

test('cross-field rules: the chunk and the output must fit the context', t => {
	const error = t.throws(() => resolveConfig({cwd: createTempDir(t), env: {}, overrides: {'engine.contextSize': 1024, 'chunk.maxTokens': 900}}), {instanceOf: ConfigError});
	t.deepEqual(error.issues.map(issue => issue.path), ['chunk.maxTokens']);
});

test('YAML syntax errors and extends cycles are config errors, not crashes', t => {
	const cwd = createTempDir(t);
	writeFileSync(join(cwd, 'broken.yaml'), 'engine: [unclosed\n');
	t.throws(() => resolveConfig({config: join(cwd, 'broken.yaml'), cwd, env: {}}), {code: 'E_CONFIG_INVALID'} as never);
	writeFileSync(join(cwd, 'a.yaml'), 'extends: ./b.yaml\n');
	writeFileSync(join(cwd, 'b.yaml'), 'extends: ./a.yaml\n');
	const error = t.throws(() => resolveConfig({config: join(cwd, 'a.yaml'), cwd, env: {}}), {instanceOf: ConfigError});
	t.regex(error.message, /cycles/);
	t.throws(() => resolveConfig({pipeline: 'no-such-pipeline', cwd, env: {}}), {instanceOf: ConfigError});
});

test('docs/precis.schema.json is up to date (npm run config-schema)', t => {
	const onDisk: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'docs', 'precis.schema.json'), 'utf8'));
	t.deepEqual(onDisk, createConfigJsonSchema());
});
