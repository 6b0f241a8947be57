import test, {type ExecutionContext} from 'ava';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {resolveConfig} from '../../../src/config/resolveConfig.js';
import {ConfigError} from '../../../src/errors.js';
import {createTempDir} from '../../helpers/createTempDir.js';

function issuesOf(t: ExecutionContext, yaml: string): Map<string, string> {
	const cwd = createTempDir(t);
	const file = join(cwd, 'p.yaml');
	writeFileSync(file, yaml);
	const error = t.throws(() => resolveConfig({config: file, cwd, env: {}}), {instanceOf: ConfigError});
	return new Map(error.issues.map(issue => [issue.path, issue.message]));
}

test('fields and questions resolve in the order written', t => {
	const cwd = createTempDir(t);
	const file = join(cwd, 'p.yaml');
	writeFileSync(file, 'fields:\n  - {name: effective_date, type: date, description: When it starts.}\n  - {name: category, type: enum, values: [contract, other], required: true}\nquestions:\n  - Who signed it?\n');
	const {config} = resolveConfig({config: file, cwd, env: {}});
	t.deepEqual(config.fields.map(field => field.name), ['effective_date', 'category']);
	t.deepEqual(config.questions, ['Who signed it?']);
});

test('field errors name their path: a bad type, a duplicate name, an enum without values, values on a non-enum', t => {
	const byPath = issuesOf(t, 'fields:\n  - {name: fee, type: money}\n  - {name: law, type: string}\n  - {name: Law, type: string}\n  - {name: kind, type: enum}\n  - {name: count, type: integer, values: [a]}\n');
	t.regex(byPath.get('fields.0.type') ?? '', /^expected one of "string", "number", "integer", "boolean", "date", "enum", "list", got "money"$/);
	t.is(byPath.size, 1, 'schema errors are reported before the cross-field rules');
	const rules = issuesOf(t, 'fields:\n  - {name: law, type: string}\n  - {name: Law, type: string}\n  - {name: kind, type: enum}\n  - {name: count, type: integer, values: [a]}\nquestions: [Why?, Why?]\n');
	t.is(rules.get('fields.1.name'), 'expected a name no other field has, got "Law" again');
	t.is(rules.get('fields.2.values'), 'expected the list of allowed values of an enum field, got nothing');
	t.regex(rules.get('fields.3.values') ?? '', /^expected no values on a integer field/);
	t.is(rules.get('questions.1'), 'expected a question not asked before, got "Why?" again');
});

test('field names that would clash with report columns are refused', t => {
	const byPath = issuesOf(t, 'fields:\n  - {name: summary, type: string}\n  - {name: q2, type: string}\n  - {name: fee_pages, type: integer}\n');
	t.regex(byPath.get('fields.0.name') ?? '', /not a report column/);
	t.regex(byPath.get('fields.1.name') ?? '', /not a report column/);
	t.regex(byPath.get('fields.2.name') ?? '', /not a report column/);
	t.regex(issuesOf(t, 'fields:\n  - {name: 2fast, type: string}\n').get('fields.0.name') ?? '', /starting with a letter/);
});

test('a field set too large for the output tokens or the context fails the check, with the numbers', t => {
	const many = Array.from({length: 30}, (_, index) => `  - {name: field_${index}, type: string}`).join('\n');
	const output = issuesOf(t, `summarize:\n  maxOutputTokens: 400\nfields:\n${many}\n`);
	t.regex(output.get('fields') ?? '', /^expected 30 fields and 0 questions to fit summarize.maxOutputTokens, but their answer needs at least \d+ output tokens and 400 are allowed/);
	const described = Array.from({length: 12}, (_, index) => `  - {name: f${index}, type: boolean, description: ${'a long description of what to look for '.repeat(8)}}`).join('\n');
	const context = issuesOf(t, `engine:\n  contextSize: 1200\nsummarize:\n  maxOutputTokens: 400\nfields:\n${described}\n`);
	t.regex(context.get('fields') ?? '', /^expected the instructions of 12 fields and questions \(about \d+ tokens\) \+ summarize.maxOutputTokens \(400\) to leave room for text in engine.contextSize \(1200\)/);
});
