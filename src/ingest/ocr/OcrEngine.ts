import {createHash} from 'node:crypto';
import {mkdirSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {createWorker, OEM, PSM, type Worker} from 'tesseract.js';
import {findOcrLanguageFiles} from './findOcrLanguageFiles.js';

/** What OCR read on one page image. */
export interface OcrResult {
	/** The page's text, lines joined with `\n`, blocks with a blank line. */
	text: string;
	/** Tesseract's mean word confidence, 0 to 100 (0 when no word was found). */
	confidence: number;
}

/**
 * One tesseract.js worker (a thread running Tesseract's LSTM engine compiled to WebAssembly) with
 * its languages loaded, reused for every page an extraction process reads. It works offline: the
 * engine comes from the installed tesseract.js-core package (tesseract.js's Node worker requires it;
 * it never fetches a core), the language data from the installed `@tesseract.js-data/<code>`
 * packages through `langPath`, and `cacheMethod: 'none'` neither reads nor writes a
 * `<code>.traineddata` cache in the working folder (its default).
 */
export class OcrEngine {
	/** The languages loaded, joined with `+` (Tesseract's notation). */
	readonly languages: string;
	readonly #worker: Worker;
	#userDefinedDpi = '0';

	private constructor(languages: string, worker: Worker) {
		this.languages = languages;
		this.#worker = worker;
	}

	/** Starts a worker with `languages` loaded; throws a ConfigError naming the package of a language that is not installed. */
	static async create(languages: readonly string[]): Promise<OcrEngine> {
		const langPath = _prepareLanguageFolder(findOcrLanguageFiles(languages));
		const worker = await createWorker([...languages], OEM.LSTM_ONLY, {
			langPath,
			gzip: true,
			cacheMethod: 'none',
			// Without a handler tesseract.js rethrows a failed job from its message listener, crashing the
			// process; the job's own promise rejects either way.
			errorHandler: () => undefined,
		});
		// Full page layout analysis (columns, blocks), as the tesseract command does; Tesseract's API
		// default reads the page as a single block of text.
		await worker.setParameters({tessedit_pageseg_mode: PSM.AUTO});
		return new OcrEngine(languages.join('+'), worker);
	}

	/**
	 * Reads the text of one page image: PNG, JPEG or PNM bytes (Leptonica decodes them). `dpi`, when
	 * known, tells Tesseract the image's resolution, which it otherwise reads from the file or estimates.
	 */
	async recognize(image: Uint8Array, dpi?: number): Promise<OcrResult> {
		// 0: not given (Tesseract's default).
		const userDefinedDpi = String(Math.round(dpi ?? 0));
		if (userDefinedDpi !== this.#userDefinedDpi) {
			await this.#worker.setParameters({user_defined_dpi: userDefinedDpi});
			this.#userDefinedDpi = userDefinedDpi;
		}
		const {data} = await this.#worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, {text: true});
		const text = data.text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
		return {text, confidence: text === '' ? 0 : Math.round(data.confidence)};
	}

	async terminate(): Promise<void> {
		await this.#worker.terminate();
	}
}

/**
 * tesseract.js reads every language from one folder (`<langPath>/<code>.traineddata.gz`), while each
 * language is installed in a package of its own. One language is read from its package's folder; for
 * several, a folder of links to their files is made under the system's temporary folder (named
 * after the files, so processes share it and it is made once).
 */
function _prepareLanguageFolder(files: readonly string[]): string {
	const folders = new Set(files.map(file => dirname(file)));
	const [only] = folders;
	if (folders.size === 1 && only !== undefined) return only;
	const folder = join(tmpdir(), 'precis-ocr-languages', createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16));
	mkdirSync(folder, {recursive: true});
	for (const file of files) {
		try {
			symlinkSync(file, join(folder, basename(file)));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
	return folder;
}
