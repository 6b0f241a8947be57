import type {ResolvedConfig} from '../config/schema.js';
import type {ChatMessage} from '../engine/Engine.js';

export type SummarizeOptions = ResolvedConfig['summarize'];
export type PromptKind = 'map' | 'collapse' | 'reduce';

/** Variables a prompt template may use besides {{text}}. */
export interface PromptVariables {
	title: string;
	part?: number;
	parts?: number;
}

const _formatInstructions: Record<SummarizeOptions['style'], string> = {
	paragraph: 'Write the summary as one or more plain paragraphs.',
	bullets: 'Write the summary as a list of key points, one per line, each line starting with "- ".',
	json: 'Answer with a JSON object with the keys "title", "summary" and "key_points" (a list of short strings).',
};

/**
 * Renders one call's chat messages: the system prompt, the configured few-shot examples, then the
 * template with its variables. The document text is inserted last and never scanned for variables,
 * so text that contains `{{title}}` or instructions stays inert data between the markers.
 */
export function buildMessages(kind: PromptKind, text: string, variables: PromptVariables, options: SummarizeOptions): ChatMessage[] {
	const values: Record<string, string> = {
		title: variables.title,
		language: options.language === '' ? 'the same language as the text' : options.language,
		length: options.length,
		format: _formatInstructions[options.style],
		part: String(variables.part ?? 1),
		parts: String(variables.parts ?? 1),
	};
	const template = options.prompts[kind].replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name === 'text' ? whole : values[name] ?? whole));
	const content = template.split(/\{\{\s*text\s*\}\}/).join(fenceText(text));
	const examples = options.examples.flatMap((example): ChatMessage[] => [
		{role: 'user', content: options.prompts.reduce.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name === 'text' ? fenceText(example.text) : values[name] ?? whole))},
		{role: 'assistant', content: example.summary},
	]);
	return [{role: 'system', content: options.prompts.system}, ...examples, {role: 'user', content}];
}

/** Breaks up `<<<` and `>>>` inside document text, so the text cannot close the markers that fence it. */
export function fenceText(text: string): string {
	return text.replace(/<<<|>>>/g, marker => marker.split('').join(' '));
}

/**
 * The JSON schema the `json` style constrains the final summary to. String and list bounds keep a
 * typical answer within `maxOutputTokens`; an answer cut at the limit anyway is closed by
 * parseSummaryOutput.
 */
export function createSummaryJsonSchema(maxOutputTokens: number): Record<string, unknown> {
	return {
		type: 'object',
		properties: {
			title: {type: 'string', maxLength: 160},
			summary: {type: 'string', maxLength: Math.max(200, maxOutputTokens * 2)},
			key_points: {type: 'array', maxItems: 8, items: {type: 'string', maxLength: 200}},
		},
		required: ['title', 'summary', 'key_points'],
	};
}
