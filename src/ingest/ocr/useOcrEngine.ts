import {OcrEngine} from './OcrEngine.js';

/**
 * How long the engine waits unused before it is stopped. A fresh engine costs about 1.5 s of CPU
 * (starting it, then its first page runs slower; see docs/ocr.md), so the wait spans the gap between
 * two documents handed to a busy extraction process; the pages of one document never wait on it
 * (see {@link keepOcrEngine}). A script that read a scan exits this long after its last page.
 */
const _idleMs = 1000;

/** The engine of this process for one set of languages, and how many pages are being read with it. */
interface _Shared {
	languages: string;
	engine: Promise<OcrEngine>;
	pages: number;
}

let _current: _Shared | undefined;
/** Documents being read ({@link keepOcrEngine}) and pages being recognised ({@link useOcrEngine}). */
let _users = 0;
let _idleTimer: NodeJS.Timeout | undefined;

/**
 * Runs `use` with this process's OCR engine, started on first use and reused by every later page;
 * asked for other languages, the engine is replaced. Unused for {@link _idleMs}, the engine is
 * stopped, so that its thread does not keep the process alive: a script that reads a scan exits by
 * itself, and the next page starts a fresh engine.
 */
export async function useOcrEngine<T>(languages: readonly string[], use: (engine: OcrEngine) => Promise<T>): Promise<T> {
	return keepOcrEngine(async () => {
		const shared = _getShared(languages);
		shared.pages++;
		try {
			return await use(await shared.engine);
		} finally {
			shared.pages--;
			// An engine replaced (other languages, or closed) while this page was read stops after its last page.
			if (shared !== _current && shared.pages === 0) await _stop(shared);
		}
	});
}

/**
 * Runs `read` (the reading of one document) with the engine kept however long its pages take to
 * render: an engine is not stopped for idleness while a document is being read. Starts no engine.
 */
export async function keepOcrEngine<T>(read: () => Promise<T>): Promise<T> {
	_hold();
	try {
		return await read();
	} finally {
		_users--;
		if (_users === 0 && _current !== undefined) {
			// Unref'd: a process with nothing else to do is not kept waiting for the timer once the engine is stopped.
			_idleTimer = setTimeout(() => void closeOcrEngine(), _idleMs).unref();
		}
	}
}

/**
 * For a process that its owner ends (an extraction process of the pool): the engine is never
 * stopped for idleness, so a scan handed over after a pause (while a run waits on its model) does
 * not pay for a fresh engine.
 */
export function keepOcrEngineUntilExit(): void {
	_hold();
}

/** One more user of the engine: no idle stop while it holds it. */
function _hold(): void {
	_users++;
	clearTimeout(_idleTimer);
	_idleTimer = undefined;
}

/**
 * Stops this process's OCR engine, if one was started; pages being read with it finish first. A
 * page asked for afterwards, even while this is under way, starts a fresh engine.
 */
export async function closeOcrEngine(): Promise<void> {
	clearTimeout(_idleTimer);
	_idleTimer = undefined;
	const shared = _current;
	_current = undefined;
	if (shared !== undefined && shared.pages === 0) await _stop(shared);
}

function _getShared(languages: readonly string[]): _Shared {
	const wanted = languages.join('+');
	if (_current !== undefined && _current.languages !== wanted) {
		const replaced = _current;
		_current = undefined;
		if (replaced.pages === 0) void _stop(replaced);
	}
	if (_current === undefined) {
		const shared: _Shared = {languages: wanted, engine: OcrEngine.create(languages), pages: 0};
		_current = shared;
		// A failed start is not kept: the next page tries again.
		shared.engine.catch(() => {
			if (_current === shared) _current = undefined;
		});
	}
	return _current;
}

async function _stop(shared: _Shared): Promise<void> {
	await shared.engine.then(engine => engine.terminate(), () => undefined);
}
