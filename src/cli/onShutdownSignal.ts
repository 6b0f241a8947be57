import type {LogLine} from './createLogLine.js';

/**
 * Turns the first SIGINT or SIGTERM into an abort (stop taking work, let calls in flight finish);
 * a second one exits at once. The notice goes through `log` (a JSON line under `--log-format
 * json`; above the progress lines on a terminal).
 */
export function onShutdownSignal(log: LogLine): {signal: AbortSignal; dispose: () => void} {
	const controller = new AbortController();
	const onSignal = (signal: NodeJS.Signals): void => {
		if (controller.signal.aborted) process.exit(130);
		log({event: 'stopping', signal}, `precis: ${signal} received; finishing calls in flight, then stopping (send it again to stop at once)`);
		controller.abort();
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	return {
		signal: controller.signal,
		dispose: () => {
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
		},
	};
}
