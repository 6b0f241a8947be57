import type {ChatMessage} from '../engine/Engine.js';
import {createSummaryJsonSchema, type SummarizeOptions} from './buildMessages.js';
import {closeTruncatedJson} from './closeTruncatedJson.js';

/**
 * Another task on the same text that rides on the summary calls which read it (the single call of a
 * document that fits, or each map call of a long one): its instructions join the call's prompt and
 * its answer comes back beside the summary, in one grammar-constrained JSON object.
 */
export interface SummaryRider {
	/** The key of its answer in the call's JSON object; it comes first, before the summary's keys. */
	key: string;
	/** Output tokens its answer needs; the call's output is the summary's `maxOutputTokens` plus these. */
	outputTokens: number;
	/** What the call is also asked, added after the summary prompt (after the fenced text). */
	instructions: string;
	/** The JSON schema of its answer. */
	jsonSchema: Record<string, unknown>;
}

/** A combined call's output, split: the summary's output as the summary call would have given it, and the rider's answer. */
export interface RiddenOutput {
	/** For the `json` style's single call, the summary's JSON object as text; otherwise the summary text. */
	summary: string;
	/** The rider's answer; undefined when the output is not a JSON object. */
	answer: unknown;
	warning?: string;
}

/** Whether a call's summary part is the whole JSON summary (the json style's final call) or only text. */
function _isJsonSummary(kind: 'map' | 'reduce', style: SummarizeOptions['style']): boolean {
	return kind === 'reduce' && style === 'json';
}

/** The summary call's messages with the rider's instructions and the combined answer's shape added to its last message. */
export function addRiderToMessages(messages: readonly ChatMessage[], rider: SummaryRider, kind: 'map' | 'reduce', style: SummarizeOptions['style']): ChatMessage[] {
	const summaryKeys = _isJsonSummary(kind, style) ? '"title", "summary" and "key_points" hold the summary as asked above' : '"summary" holds the summary written as asked above';
	const last = messages.at(-1)!;
	const content = `${last.content}\n\nAlso, from the same text: ${rider.instructions}\nAnswer with one JSON object: "${rider.key}" holds these answers, then ${summaryKeys}.`;
	return [...messages.slice(0, -1), {...last, content}];
}

/** The schema of a combined call: the rider's answer first (bounded), then the summary's part. */
export function createRiddenJsonSchema(rider: SummaryRider, kind: 'map' | 'reduce', summarize: Pick<SummarizeOptions, 'style' | 'maxOutputTokens'>): Record<string, unknown> {
	const summary = _isJsonSummary(kind, summarize.style)
		? createSummaryJsonSchema(summarize.maxOutputTokens) as {properties: Record<string, unknown>; required: string[]}
		: {properties: {summary: {type: 'string'}}, required: ['summary']};
	return {
		type: 'object',
		properties: {[rider.key]: rider.jsonSchema, ...summary.properties},
		required: [rider.key, ...summary.required],
		additionalProperties: false,
	};
}

/**
 * Splits a combined call's output. Output cut at the token limit is closed first (the rider's
 * answer comes first, so it survives a long summary). Output that is not a JSON object is kept as
 * the summary, with a warning, and the rider gets no answer.
 */
export function splitRiddenOutput(output: string, rider: Pick<SummaryRider, 'key'>, kind: 'map' | 'reduce', style: SummarizeOptions['style']): RiddenOutput {
	let value: unknown;
	let warning: string | undefined;
	try {
		value = JSON.parse(output) as unknown;
	} catch {
		value = closeTruncatedJson(output);
		if (value !== undefined) warning = 'the combined answer (summary and fields) was cut at its output tokens and has been closed; raise summarize.maxOutputTokens for complete answers';
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {summary: output, answer: undefined, warning: 'the model did not return the combined JSON answer (summary and fields); its output is kept as the summary'};
	}
	const {[rider.key]: answer, ...rest} = value as Record<string, unknown>;
	const summary = _isJsonSummary(kind, style) ? JSON.stringify(rest) : typeof rest['summary'] === 'string' ? rest['summary'] : '';
	return {summary, answer, ...(warning === undefined ? {} : {warning})};
}
