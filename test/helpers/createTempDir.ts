import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ExecutionContext} from 'ava';

/** A fresh temporary folder, removed when the test ends. */
export function createTempDir(t: ExecutionContext, prefix = 'precis-test-'): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	t.teardown(() => rmSync(folder, {recursive: true, force: true}));
	return folder;
}
