import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';

/** A database path inside a fresh temp folder (not created yet: openStore creates it), removed after the test. */
export function createTempDatabasePath(t: ExecutionContext): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'precis-store-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	return path.join(directory, 'nested', 'precis.sqlite');
}
