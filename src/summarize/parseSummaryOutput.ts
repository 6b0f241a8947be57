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
	try {
		const value = JSON.parse(output) as {title?: unknown; summary?: unknown; key_points?: unknown};
		const keyPoints = Array.isArray(value.key_points) ? value.key_points.filter((point): point is string => typeof point === 'string') : [];
		return {
			summary: typeof value.summary === 'string' ? value.summary : output,
			...(typeof value.title === 'string' && value.title !== '' ? {title: value.title} : {}),
			keyPoints,
		};
	} catch {
		warnings.push('the model did not return valid JSON; its output is kept as the summary');
		return {summary: output};
	}
}
