import {toError} from '../errors.js';
import type {RunStop} from './RunStop.js';

export interface LanesOptions {
	/** The run's documents, pulled by every lane in turn. */
	feed: Iterator<string> | AsyncIterator<string>;
	stop: RunStop;
	/** Works on the `index`-th document pulled; a rejection is a run error. */
	process: (index: number, path: string) => Promise<void>;
	/** Called with how many paths were pulled so far, as each is pulled. */
	onPulled?: (count: number) => void;
}

export interface Lanes {
	/** Adds lanes until there are `count` (more documents in flight once the engine tells its parallelism). */
	widen: (count: number) => void;
	/** Resolves once every lane, including those added meanwhile, has ended; never rejects. */
	settled: () => Promise<void>;
}

/**
 * Lanes that each pull a document from the feed and work on it until the feed ends or the run
 * stops. A lane that fails (a run error) stops the run: the other lanes take no more documents and
 * abandon their calls, and {@link Lanes.settled} still waits for all of them, so nothing the run
 * started is left running when it reports.
 */
export function startLanes(options: LanesOptions): Lanes {
	const {feed, stop} = options;
	const lanes: Array<Promise<void>> = [];
	let pulled = 0;
	const lane = async (): Promise<void> => {
		while (!stop.stopping) {
			const item = await _pullUnlessStopped(feed, stop);
			if (item.done === true || stop.stopping) return;
			const index = pulled++;
			options.onPulled?.(pulled);
			await options.process(index, item.value);
		}
	};
	return {
		widen: count => {
			while (lanes.length < count) lanes.push(lane().catch((error: unknown) => stop.fail(toError(error))));
		},
		settled: async () => {
			for (let awaited = 0; awaited < lanes.length;) {
				awaited = lanes.length;
				await Promise.all(lanes);
			}
		},
	};
}

const _done: IteratorResult<string> = {done: true, value: undefined};

/**
 * The feed's next path, or done as soon as the run stops: a watcher's feed waits for new files
 * indefinitely, and a lane waiting on it would otherwise hold the stopped run (a run error) open
 * until the watcher is signalled.
 */
async function _pullUnlessStopped(feed: LanesOptions['feed'], stop: RunStop): Promise<IteratorResult<string>> {
	const {signal} = stop.intake;
	let onStop = (): void => undefined;
	const stopped = new Promise<IteratorResult<string>>(resolve => {
		onStop = () => resolve(_done);
		signal.addEventListener('abort', onStop, {once: true});
	});
	try {
		return await Promise.race([feed.next(), stopped]);
	} finally {
		signal.removeEventListener('abort', onStop);
	}
}
