import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {ConfigError, type ConfigIssue} from '../../errors.js';

const _require = createRequire(import.meta.url);

/**
 * Folders of a `@tesseract.js-data/<code>` package, preferred first: the integer LSTM models
 * (what tesseract.js itself would download for its LSTM engine), then the larger LSTM + legacy ones.
 */
const _dataFolders = ['4.0.0_best_int', '4.0.0'];

/**
 * The installed language data (`<code>.traineddata.gz`) for each Tesseract language code, in order,
 * from the npm packages `@tesseract.js-data/<code>`: nothing is ever downloaded. A language whose
 * package is not installed throws a ConfigError naming the package to install.
 */
export function findOcrLanguageFiles(languages: readonly string[]): string[] {
	const found = languages.map(language => ({language, file: _findLanguageFile(language)}));
	const missing = found.filter(entry => entry.file === undefined).map(entry => entry.language);
	if (missing.length > 0) {
		const issues: ConfigIssue[] = missing.map(language => ({path: 'extract.ocr.languages', message: `expected a language whose data is installed, got "${language}": install it with \`npm install @tesseract.js-data/${language}\`, or remove it`}));
		throw new ConfigError(undefined, issues, {hint: `npm install ${missing.map(language => `@tesseract.js-data/${language}`).join(' ')}`});
	}
	return found.flatMap(entry => (entry.file === undefined ? [] : [entry.file]));
}

function _findLanguageFile(language: string): string | undefined {
	let root: string;
	try {
		root = dirname(_require.resolve(`@tesseract.js-data/${language}/package.json`));
	} catch {
		return undefined;
	}
	return _dataFolders.map(folder => join(root, folder, `${language}.traineddata.gz`)).find(file => existsSync(file));
}
