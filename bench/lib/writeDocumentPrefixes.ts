import {writeFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {runPrecisMeasured} from './runScript.js';

/**
 * Writes the first `chars` characters (cut at a space) of each document's extracted text as
 * `<name>-prefix.txt` in `folder`, so a slow model gets the same kind of text in minutes.
 */
export async function writeDocumentPrefixes(paths: readonly string[], folder: string, chars: number): Promise<string[]> {
	const run = await runPrecisMeasured(['extract', ...paths, '--json'], {keepStdout: true});
	if (run.code !== 0) throw new Error(`precis extract failed (exit ${run.code}): ${run.stderr.trim()}`);
	const texts = new Map(run.stdout.trim().split('\n').map(line => {
		const document = JSON.parse(line) as {path: string; text: string};
		return [document.path, document.text] as const;
	}));
	return paths.map(path => {
		const text = texts.get(path);
		if (text === undefined) throw new Error(`precis extract gave no text for ${path} (it names documents by their real path)`);
		const end = text.lastIndexOf(' ', chars);
		const file = join(folder, `${basename(path).replace(/\.\w+$/, '')}-prefix.txt`);
		writeFileSync(file, text.slice(0, end > 0 ? end : chars));
		return file;
	});
}
