/**
 * Turns the first SIGINT or SIGTERM into an abort (stop taking work, let calls in flight finish);
 * a second one exits at once. The notice is a JSON log line under `--log-format json`.
 */
export function onShutdownSignal(logFormat: 'text' | 'json' = 'text'): {signal: AbortSignal; dispose: () => void} {
	const controller = new AbortController();
	const onSignal = (signal: NodeJS.Signals): void => {
		if (controller.signal.aborted) process.exit(130);
		process.stderr.write(logFormat === 'json'
			? `${JSON.stringify({time: new Date().toISOString(), event: 'stopping', signal})}\n`
			: `precis: ${signal} received; finishing calls in flight, then stopping (send it again to stop at once)\n`);
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
