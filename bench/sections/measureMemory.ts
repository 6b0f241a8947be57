import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createProse} from '../../test/helpers/writeSampleDocuments.js';
import {createDocxBomb} from '../../test/helpers/createDocxBomb.js';
import {runCli, runCliExtract, type CliRunResult} from './measureCli.js';

export interface MemoryResult {
	freeculture: Awaited<ReturnType<typeof runCliExtract>> | undefined;
	smallFiles: (CliRunResult & {files: number})[];
	docxBomb: Awaited<ReturnType<typeof runCliExtract>> & {inflatedMiB: number};
}

const _smallFilesPipeline = fileURLToPath(new URL('../pipelines/small-files.yaml', import.meta.url));
const _bombTemplate = fileURLToPath(new URL('../../fixtures/docx/headings-lists-table.docx', import.meta.url));

/**
 * Figure 6: peak resident memory of the whole process tree: extracting freeculture.pdf, runs over
 * 500 and 5,000 small generated text files (tiny model, 8 output tokens; memory must not grow with
 * the count), and a DOCX bomb that inflates to a gigabyte.
 */
export async function measureMemory(options: {workDir: string; tinyModel: string; freeculture: string | undefined; counts: readonly number[]}): Promise<MemoryResult> {
	const freeculture = options.freeculture === undefined ? undefined : await runCliExtract([options.freeculture]);
	const smallFiles: MemoryResult['smallFiles'] = [];
	for (const count of options.counts) {
		const folder = join(options.workDir, `small-${count}`);
		_writeSmallFiles(folder, count);
		const result = await runCli([folder, '--config', _smallFilesPipeline, '--model', options.tinyModel, '--db', join(options.workDir, `small-${count}.db`)]);
		smallFiles.push({files: count, ...result});
	}
	const bomb = join(options.workDir, 'bomb-1gib.docx');
	writeFileSync(bomb, createDocxBomb(_bombTemplate, 1024));
	return {freeculture, smallFiles, docxBomb: {inflatedMiB: 1024, ...(await runCliExtract([bomb]))}};
}

/** `count` short seeded prose files (two to four sentences each), 1,000 to a folder. */
function _writeSmallFiles(folder: string, count: number): void {
	for (let index = 0; index < count; index++) {
		const sub = join(folder, `part-${Math.floor(index / 1000)}`);
		if (index % 1000 === 0) mkdirSync(sub, {recursive: true});
		writeFileSync(join(sub, `note-${index}.txt`), createProse(2 + (index % 3), index + 1));
	}
}
