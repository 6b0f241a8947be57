import {OcrEngine} from './OcrEngine.js';

let _engine: Promise<OcrEngine> | undefined;
let _languages = '';

/**
 * The OCR engine of this process, started on first use and reused by every later page; asked for
 * other languages, the engine is replaced.
 */
export async function getOcrEngine(languages: readonly string[]): Promise<OcrEngine> {
	const wanted = languages.join('+');
	if (_engine !== undefined && _languages !== wanted) await closeOcrEngine();
	if (_engine === undefined) {
		_languages = wanted;
		_engine = OcrEngine.create(languages);
		// A failed start is not kept: the next document tries again.
		_engine.catch(() => {
			_engine = undefined;
		});
	}
	return _engine;
}

/** Stops this process's OCR engine, if one was started. */
export async function closeOcrEngine(): Promise<void> {
	const engine = _engine;
	_engine = undefined;
	await engine?.then(started => started.terminate(), () => undefined);
}
