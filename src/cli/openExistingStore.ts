import {existsSync} from 'node:fs';
import {PipelineError} from '../errors.js';
import {openStore, type Store} from '../store/Store.js';

/** Opens the database of earlier runs for reading commands; a missing file is a usage error, not a new database. */
export function openExistingStore(db: string): Store {
	if (!existsSync(db)) throw new PipelineError('E_USAGE', `no precis database at ${db}: run \`precis run\` first, or name the database with --db`, {retryable: false});
	return openStore(db);
}
