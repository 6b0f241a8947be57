import {closeTruncatedJson} from './closeTruncatedJson.js';
import type {SummarizeOptions} from './buildMessages.js';

export interface ParsedSummary {
	summary: string;
	title?: string;
	keyPoints?: string[];
}

/**
 * Reads the final model output for the configured style: JSON gives title, summary and key points;
 * bullets give key points; a paragraph is the summary as written. Output that does not parse as the
 * style asks is kept as the summary, with a warning.
 */
export function parseSummaryOutput(output: string, style: SummarizeOptions['style'], warnings: string[]): ParsedSummary {
	if (style === 'bullets') {
		const keyPoints = output.split('\n').map(line => /^\s*[-*•]\s+(.*)$/.exec(line)?.[1]?.trim()).filter((point): point is string => point !== undefined && point !== '');
		return keyPoints.length > 0 ? {summary: output, keyPoints} : {summary: output};
	}
	if (style !== 'json') return {summary: output};
	let value = _parseJson(output);
	if (value === undefined) {
		value = closeTruncatedJson(output);
		warnings.push(value === undefined
			? 'the model did not return valid JSON; its output is kept as the summary'
			: 'the JSON answer was cut at summarize.maxOutputTokens and has been closed; raise the limit for complete answers');
	}
	if (typeof value !== 'object' || value === null) return {summary: output};
	const {title, summary, key_points: points} = value as {title?: unknown; summary?: unknown; key_points?: unknown};
	return {
		summary: typeof summary === 'string' ? summary : '',
		...(typeof title === 'string' && title !== '' ? {title} : {}),
		keyPoints: Array.isArray(points) ? points.filter((point): point is string => typeof point === 'string') : [],
	};
}

function _parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
