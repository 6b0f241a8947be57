import type {ChatMessage} from '../engine/Engine.js';
import {fenceText, type SummarizeOptions} from './buildMessages.js';

/** What a repair call is told: the summary, its facts the document does not contain, and the passages nearest to its statements. */
export interface RepairInput {
	title: string;
	summary: string;
	unsupportedFacts: ReadonlyArray<{text: string; kind: string}>;
	passages: readonly string[];
}

const _formatInstructions: Record<SummarizeOptions['style'], string> = {
	paragraph: 'Write it as one or more plain paragraphs.',
	bullets: 'Write it as a list of key points, one per line, each line starting with "- ".',
	json: 'Answer with a JSON object with the keys "title", "summary" and "key_points" (a list of short strings).',
};

/**
 * The messages of a repair call: the configured system prompt, then the summary, the facts found
 * unsupported and the nearest passages of the document (fenced as data, like document text), with
 * the request to correct or drop what the passages do not say, in the same style.
 */
export function buildRepairMessages(input: RepairInput, options: SummarizeOptions): ChatMessage[] {
	const facts = input.unsupportedFacts.map(fact => `- ${fact.kind}: ${fact.text}`).join('\n');
	const content = `This summary of the document "${input.title}" states facts that the document does not contain:
${facts}
Correct the summary: keep what the passages of the document below support, correct or remove the facts listed, and add nothing that the passages do not say. ${_formatInstructions[options.style]} Answer with the corrected summary only.
<<<SUMMARY
${fenceText(input.summary)}
SUMMARY>>>
<<<PASSAGES
${fenceText(input.passages.join('\n\n'))}
PASSAGES>>>`;
	return [{role: 'system', content: options.prompts.system}, {role: 'user', content}];
}
