import cliProgress from 'cli-progress';
import type {RunEvent} from '../run/RunEvent.js';
import {createLogLine, type LogLine} from './createLogLine.js';

export interface RunReporterOptions {
	format: 'text' | 'json';
	/** Draw progress bars (a terminal, and NO_COLOR unset for colour). */
	interactive: boolean;
}

export interface RunReporter {
	onEvent: (event: RunEvent) => void;
	stop: () => void;
}

/**
 * Shows a run's progress: bars for documents and model calls with tokens/s on a terminal; one line
 * per document otherwise (plain text for cron mail, or JSON objects with `--log-format json`).
 */
export function createRunReporter(options: RunReporterOptions): RunReporter {
	const logLine = createLogLine(options.format);
	const log: LogLine = (event, text) => {
		if (!options.interactive) logLine(event, text);
	};
	let bars: cliProgress.MultiBar | undefined;
	let documentsBar: cliProgress.SingleBar | undefined;
	let callsBar: cliProgress.SingleBar | undefined;
	const startedAt = performance.now();
	let outputTokens = 0;
	let calls = 0;
	if (options.interactive) {
		bars = new cliProgress.MultiBar({
			format: ' {label} [{bar}] {value}/{total} {detail}', hideCursor: true, clearOnComplete: false, stream: process.stderr, etaBuffer: 20,
			barCompleteChar: '#', barIncompleteChar: '.',
		});
		documentsBar = bars.create(0, 0, {label: 'documents  ', detail: ''}, {format: ' {label} [{bar}] {value}/{total} ETA {eta_formatted}'});
		callsBar = bars.create(0, 0, {label: 'model calls', detail: ''});
	}
	const onEvent = (event: RunEvent): void => {
		switch (event.type) {
			case 'discovered':
				documentsBar?.setTotal(event.total);
				log({event: 'discovered', documents: event.total}, `found ${event.total} documents`);
				break;
			case 'document-started':
				callsBar?.update({detail: event.path});
				break;
			case 'document-done':
				documentsBar?.increment();
				log({event: 'done', path: event.path, seconds: round(event.seconds), llmCalls: event.llmCalls, cacheHits: event.cacheHits, chunks: event.chunks, collapseLevels: event.collapseLevels, maxPromptTokens: event.maxPromptTokens, warnings: event.warnings},
					`done    ${event.path} (${round(event.seconds)} s, ${event.llmCalls} calls, ${event.cacheHits} cached)${event.warnings.map(warning => `; warning: ${warning}`).join('')}`);
				break;
			case 'document-failed':
				documentsBar?.increment();
				log({event: 'failed', path: event.path, code: event.code, message: event.message}, `failed  ${event.path}: ${event.code}: ${event.message}`);
				break;
			case 'document-skipped':
				documentsBar?.increment();
				log({event: 'skipped', path: event.path, reason: event.reason}, `skipped ${event.path} (${event.reason})`);
				break;
			case 'call-done': {
				if (event.cached) break;
				calls++;
				outputTokens += event.outputTokens;
				const seconds = (performance.now() - startedAt) / 1000;
				callsBar?.setTotal(Math.max(calls, callsBar.getTotal()));
				callsBar?.update(calls, {detail: `${round(outputTokens / Math.max(seconds, 0.001))} output tok/s`});
				break;
			}
		}
	};
	return {onEvent, stop: () => bars?.stop()};
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
