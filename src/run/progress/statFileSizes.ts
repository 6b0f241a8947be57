import {stat} from 'node:fs/promises';

/** The size of each file, for estimating the work a run has ahead before any is read; null when a file cannot be read. */
export async function statFileSizes(paths: readonly string[]): Promise<Array<{path: string; bytes: number | null}>> {
	return Promise.all(paths.map(async path => ({path, bytes: await stat(path).then(info => info.size, () => null)})));
}
