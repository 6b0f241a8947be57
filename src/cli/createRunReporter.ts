import {ProgressModel} from '../run/progress/ProgressModel.js';
import type {ProgressSnapshot} from '../run/progress/ProgressSnapshot.js';
import type {RunEvent} from '../run/RunEvent.js';
import type {Store} from '../store/Store.js';
import {createLogLine, type LogLine} from './createLogLine.js';
import {createProgressScreen} from './progress/createProgressScreen.js';
import {renderProgressLines} from './progress/renderProgressLines.js';
import {toProgressLogEvent} from './progress/toProgressLogEvent.js';

export interface RunReporterOptions {
	format: 'text' | 'json';
	/** Draw progress lines in place (a terminal). */
	interactive: boolean;
	/** Where the progress is saved every few seconds, for `precis status` in another terminal. */
	store?: Pick<Store, 'saveRunProgress'>;
}

export interface RunReporter {
	onEvent: (event: RunEvent) => void;
	/** Writes a log line of the command's own (above the progress lines on a terminal). */
	log: LogLine;
	stop: () => void;
}

/** How often the terminal's progress lines are recomputed (the ETA counts down between events). */
const _redrawMs = 1000;
/** How often the progress is saved in the store (and whenever a document is done or failed). */
const _saveMs = 2000;
/** How often `--log-format json` writes a progress line. */
const _logProgressMs = 30_000;

/**
 * Shows a run's progress: on a terminal, work done of work planned with an ETA, the documents, and
 * each document in flight, with one line per finished document above them; otherwise one line per
 * document (plain text for cron mail, or JSON objects with `--log-format json`, which also get a
 * progress line every 30 s). Either way the progress is saved for `precis status`.
 */
export function createRunReporter(options: RunReporterOptions): RunReporter {
	const model = new ProgressModel();
	const screen = options.interactive ? createProgressScreen() : undefined;
	const logLine = createLogLine(options.format);
	const log: LogLine = (event, text) => {
		if (screen === undefined) logLine(event, text);
		else screen.log(text);
	};
	let runId: number | undefined;
	const snapshot = (): ProgressSnapshot => model.snapshot(Date.now());
	const save = (): void => {
		if (runId === undefined) return;
		try {
			options.store?.saveRunProgress(runId, JSON.stringify(snapshot()));
		} catch {
			// Progress is advisory: a database locked past its timeout must not fail a document or, from a
			// timer, end the process; the run's own writes report a database that keeps failing.
		}
	};
	const timers = [
		screen === undefined ? undefined : setInterval(() => screen.show(renderProgressLines(snapshot())), _redrawMs),
		options.store === undefined ? undefined : setInterval(save, _saveMs),
		options.format === 'json' && screen === undefined ? setInterval(() => logLine({event: 'progress', ...toProgressLogEvent(snapshot())}, ''), _logProgressMs) : undefined,
	];
	for (const timer of timers) timer?.unref();

	const onEvent = (event: RunEvent): void => {
		model.apply(event, Date.now());
		switch (event.type) {
			case 'run-started':
				runId = event.runId;
				break;
			case 'discovered':
				log({event: 'discovered', documents: event.total}, `found ${event.total} documents`);
				break;
			case 'document-done':
				save();
				log({event: 'done', path: event.path, seconds: round(event.seconds), llmCalls: event.llmCalls, cacheHits: event.cacheHits, chunks: event.chunks, collapseLevels: event.collapseLevels, maxPromptTokens: event.maxPromptTokens, warnings: event.warnings},
					`done    ${event.path} (${round(event.seconds)} s, ${event.llmCalls} calls, ${event.cacheHits} cached)${event.warnings.map(warning => `; warning: ${warning}`).join('')}`);
				break;
			case 'document-failed':
				save();
				log({event: 'failed', path: event.path, code: event.code, message: event.message}, `failed  ${event.path}: ${event.code}: ${event.message}`);
				break;
			case 'document-skipped':
				// A refused input is always reported, even under the progress screen.
				if (event.message !== undefined) log({event: 'skipped', path: event.path, reason: event.reason, message: event.message}, `skipped ${event.path} (${event.reason}): ${event.message}`);
				else if (screen === undefined) log({event: 'skipped', path: event.path, reason: event.reason}, `skipped ${event.path} (${event.reason})`);
				break;
			default:
				break;
		}
		screen?.show(renderProgressLines(snapshot()));
	};
	return {
		onEvent,
		log,
		stop() {
			for (const timer of timers) clearInterval(timer);
			if (screen !== undefined) {
				screen.show(renderProgressLines(snapshot()));
				screen.stop();
			}
		},
	};
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
