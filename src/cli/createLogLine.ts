/** Writes one log line to stderr: `text` as it is, or `event` as a JSON object with a timestamp. */
export type LogLine = (event: Record<string, unknown>, text: string) => void;

export function createLogLine(format: 'text' | 'json'): LogLine {
	return (event, text) => {
		process.stderr.write(`${format === 'json' ? JSON.stringify({time: new Date().toISOString(), ...event}) : text}\n`);
	};
}
