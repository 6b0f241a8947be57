import {IngestError} from '../errors.js';

/**
 * The error for a file that cannot be read: gone (removed or renamed after it was found), not
 * permitted, or failing I/O. Retryable: it says nothing about the document's content.
 */
export function createFileUnreadableError(path: string, error: NodeJS.ErrnoException): IngestError {
	const fix = error.code === 'ENOENT'
		? 'it was removed or renamed after it was found; run again if it comes back'
		: 'check that it exists and is readable';
	return new IngestError('E_FILE_UNREADABLE', path, `cannot read ${path} (${error.code ?? error.message}); ${fix}`, {retryable: true, cause: error});
}
