import type {ChildProcess} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {setTimeout as sleep} from 'node:timers/promises';
import Database from 'better-sqlite3';
import {startPrecis, type PrecisOutcome} from './runPrecis.js';

export type LogEvent = Record<string, unknown> & {event: string; path?: string};

export interface Watcher {
	child: ChildProcess;
	done: Promise<PrecisOutcome>;
	events: LogEvent[];
	/** Resolves once `count` logged events match, failing the test after `timeoutMs`. */
	waitFor: (what: string, match: (event: LogEvent) => boolean, count?: number, timeoutMs?: number) => Promise<void>;
	count: (match: (event: LogEvent) => boolean) => number;
}

/** Starts `precis watch` with JSON log lines and follows what it logs. */
export function startWatcher(args: readonly string[], cwd: string): Watcher {
	const {child, done} = startPrecis(['watch', ...args, '--log-format', 'json'], {cwd});
	const events: LogEvent[] = [];
	let buffered = '';
	let other = '';
	child.stderr?.on('data', (data: string) => {
		buffered += data;
		const lines = buffered.split('\n');
		buffered = lines.pop() ?? '';
		for (const line of lines) {
			if (line.startsWith('{')) events.push(JSON.parse(line) as LogEvent);
			else other += `${line}\n`;
		}
	});
	const count = (match: (event: LogEvent) => boolean): number => events.filter(match).length;
	const waitFor = async (what: string, match: (event: LogEvent) => boolean, wanted = 1, timeoutMs = 60_000): Promise<void> => {
		const deadline = Date.now() + timeoutMs;
		while (count(match) < wanted) {
			if (child.exitCode !== null) throw new Error(`the watcher exited (code ${child.exitCode}) while waiting for ${what}`);
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last events: ${JSON.stringify(events.slice(-3))}; other output: ${other.slice(-2000)}`);
			await sleep(50);
		}
	};
	return {child, done, events, waitFor, count};
}

export const is = (event: string, name: string) => (logged: LogEvent): boolean => logged.event === event && (logged.path ?? '').endsWith(`/${name}`);

export function sha256Of(file: string): string {
	return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function queryDb<T>(db: string, sql: string): T[] {
	const database = new Database(db, {readonly: true});
	try {
		return database.prepare(sql).all() as T[];
	} finally {
		database.close();
	}
}
