import type {ConfigIssue} from '../errors.js';
import {documentRecordFields} from '../store/DocumentRecord.js';
import {getMinFieldOutputTokens, planFieldBounds} from './planFieldBounds.js';
import type {ResolvedConfig} from './schema.js';

/** Characters per prompt token assumed when the model's tokenizer is not at hand (English averages ~4). */
const _estimateCharsPerToken = 4;
/** Prompt tokens of the fixed fields instructions and the chat template, estimated generously. */
const _instructionTokens = 160;

/**
 * The rules of `fields` and `questions` that one item's schema cannot state: unique names that
 * do not clash with the report's own columns, `values` exactly on enums, and a field set whose
 * answer fits `summarize.maxOutputTokens` and whose instructions leave room for text in the context.
 */
export function checkFieldRules(config: Pick<ResolvedConfig, 'fields' | 'questions' | 'summarize' | 'engine'>): ConfigIssue[] {
	const issues: ConfigIssue[] = [];
	const seen = new Set<string>();
	const reserved = new Set<string>(documentRecordFields);
	for (const [index, field] of config.fields.entries()) {
		const path = `fields.${index}`;
		const name = field.name.toLowerCase();
		if (seen.has(name)) issues.push({path: `${path}.name`, message: `expected a name no other field has, got "${field.name}" again`});
		else if (reserved.has(name) || /^q\d+$/.test(name) || name.endsWith('_pages')) {
			issues.push({path: `${path}.name`, message: `expected a name that is not a report column (${[...reserved].join(', ')}), q1, q2… or *_pages, got "${field.name}"`});
		}
		seen.add(name);
		if (field.type === 'enum' && (field.values === undefined || field.values.length === 0)) {
			issues.push({path: `${path}.values`, message: 'expected the list of allowed values of an enum field, got nothing'});
		} else if (field.type !== 'enum' && field.values !== undefined) {
			issues.push({path: `${path}.values`, message: `expected no values on a ${field.type} field (only enum fields have values), got ${field.values.length}`});
		} else if (field.values !== undefined && new Set(field.values).size < field.values.length) {
			issues.push({path: `${path}.values`, message: 'expected distinct values, got a value twice'});
		}
	}
	for (const [index, question] of config.questions.entries()) {
		if (config.questions.indexOf(question) < index) issues.push({path: `questions.${index}`, message: `expected a question not asked before, got "${question}" again`});
	}
	if (issues.length === 0) issues.push(..._checkCapacity(config));
	return issues;
}

/** A field set must fit one call: its answer within the output tokens, its instructions within the context. */
function _checkCapacity(config: Pick<ResolvedConfig, 'fields' | 'questions' | 'summarize' | 'engine'>): ConfigIssue[] {
	const items = config.fields.length + config.questions.length;
	if (items === 0) return [];
	const {maxOutputTokens} = config.summarize;
	const input = {fields: config.fields, questionCount: config.questions.length};
	if (planFieldBounds({...input, maxOutputTokens}) === undefined) {
		return [{path: 'fields', message: `expected ${config.fields.length} fields and ${config.questions.length} questions to fit summarize.maxOutputTokens, but their answer needs at least ${getMinFieldOutputTokens(input)} output tokens and ${maxOutputTokens} are allowed: raise summarize.maxOutputTokens or ask fewer`}];
	}
	// With contextSize 0 the model decides, up to maxContextSize: a field set that does not fit that never fits.
	const contextSize = config.engine.contextSize > 0 ? config.engine.contextSize : config.engine.maxContextSize;
	const contextPath = config.engine.contextSize > 0 ? 'engine.contextSize' : 'engine.maxContextSize';
	const definitionChars = config.fields.reduce((sum, field) => sum + field.name.length + (field.description?.length ?? 0) + (field.values?.join(', ').length ?? 0) + 40, 0)
		+ config.questions.reduce((sum, question) => sum + question.length + 8, 0);
	const promptTokens = _instructionTokens + Math.ceil((definitionChars + config.summarize.prompts.system.length) / _estimateCharsPerToken);
	if (promptTokens + maxOutputTokens >= contextSize) {
		return [{path: 'fields', message: `expected the instructions of ${items} fields and questions (about ${promptTokens} tokens) + summarize.maxOutputTokens (${maxOutputTokens}) to leave room for text in ${contextPath} (${contextSize}), got none: raise ${contextPath} or ask fewer`}];
	}
	return [];
}
