import {InstallationError, isPipelineError, toError} from '../errors.js';
import type {FileIdentity} from '../ingest/createInputGuard.js';
import type {Lease} from '../store/types.js';
import {recheckStoredSummary} from './checkDocumentSummary.js';
import {decideDocument, type DocumentDecision} from './decideDocument.js';
import type {DocumentWork} from './DocumentWork.js';
import {getFailureKey, listFailureKeys} from './getSettingsKeys.js';
import {hashFile} from './hashFile.js';
import {readSourceDocument} from './readSourceDocument.js';
import {recordRefusedInput} from './recordRefusedInput.js';
import type {SkipReason} from './RunTally.js';
import {workOnDocument, type DocumentAttempt} from './workOnDocument.js';

/**
 * Takes one document of the run from its path to an outcome: skipped (done or failed before,
 * unchanged; or held by another process), done, or failed and recorded. A failure of the document
 * is recorded and never thrown; a run error (the database stayed locked) is thrown to stop the run.
 * When the run stops meanwhile, the document is put back as pending for the next run.
 */
export async function processDocument(work: DocumentWork, index: number, path: string): Promise<void> {
	// Checked again now, not only when discovered; the file is then read only if it is still what was admitted.
	const input = await work.guard.admit(path);
	if (input.kind !== 'file') {
		recordRefusedInput(work, input.kind === 'refused' ? {path, reason: input.reason, message: input.message} : {path, reason: 'special-file', message: `${path} is a folder, not a file`});
		work.tally.save();
		return;
	}
	const file = input.path;
	const attempt: DocumentAttempt = {path, file, identity: input.identity, index, stage: 'extract', sha256: undefined, bytes: 0, meta: undefined, lease: undefined, started: performance.now()};
	try {
		const {sha256, bytes} = await hashFile(file, input.identity);
		attempt.sha256 = sha256;
		attempt.bytes = bytes;
		const lease = await _claim(work, file, sha256, input.identity);
		if (typeof lease === 'string') {
			work.tally.skipped(path, lease);
			return;
		}
		attempt.lease = lease;
		const outcome = await workOnDocument(work, attempt, lease);
		work.leases.settled(lease);
		if (outcome === 'lease-lost') work.tally.skipped(path, 'claimed-elsewhere');
	} catch (thrown) {
		_recordFailure(work, path, attempt, toError(thrown));
	} finally {
		work.tally.save();
	}
}

/**
 * The lease protocol for one document (see {@link LeaseKeeper}): decide on what is stored, load the
 * engine (a document that needs work needs it), claim, and decide again under the claim. Returns the
 * lease, or why the document is skipped.
 */
async function _claim(work: DocumentWork, file: string, sha256: string, identity: FileIdentity | undefined): Promise<Lease | SkipReason> {
	const decide = (): DocumentDecision => decideDocument(work.store.getDocument(file), {
		sha256, summaryKey: work.keys.summaryKey, earlierSummaryKeys: work.keys.earlierSummaryKeys, currentOcrKeys: work.keys.currentOcrKeys, failureKeys: listFailureKeys(work.keys),
		force: work.force, retryFailed: work.retryFailed,
	});
	const before = decide();
	if (before === 'skip-done') await recheckStoredSummary(work.store, file, work.config.verify, async stored => (await readSourceDocument(work, file, {sha256: stored, identity})).document);
	if (before !== 'process') return _toSkipReason(before);
	await work.loadEngine();
	const lease = work.leases.claim(file);
	if (lease === undefined) return 'claimed-elsewhere';
	// Another process may have finished it between the first decision and the claim.
	const decision = decide();
	if (decision !== 'process') {
		work.leases.release(lease);
		return _toSkipReason(decision);
	}
	return lease;
}

function _toSkipReason(decision: Exclude<DocumentDecision, 'process'>): SkipReason {
	return decision === 'skip-done' ? 'unchanged' : 'failed-before';
}

/**
 * Records why a document failed, with the settings that decided it (none for a broken or empty
 * file; the extraction limits for a failure while reading; those and the summary settings after),
 * so that a rerun under other settings tries it again. A document the run was stopping on is put back as pending instead.
 */
function _recordFailure(work: DocumentWork, path: string, attempt: DocumentAttempt, error: Error): void {
	const {store, stop, tally} = work;
	const {file, lease} = attempt;
	if (stop.stopping) {
		// Interrupted, not failed: the next run takes it up again.
		if (lease !== undefined) {
			if (attempt.meta !== undefined) store.recordPending(file, attempt.meta, lease);
			work.leases.release(lease);
		}
		return;
	}
	if (_isRunError(error)) throw error;
	const code = isPipelineError(error) ? error.code : 'E_GENERATION_FAILED';
	const retryable = isPipelineError(error) ? error.retryable : true;
	const failureKey = getFailureKey(code, attempt.stage, work.keys);
	const written = store.markFailed(file, {
		sha256: attempt.sha256 ?? null, code, message: error.message, retryable, failureKey, runId: work.runId, ...(lease === undefined ? {} : {lease}),
	});
	if (lease !== undefined) work.leases.settled(lease);
	if (written) tally.failed(path, code, error.message, retryable);
	else tally.skipped(path, 'claimed-elsewhere');
}

/** A failure of the store or of the installation, not of the document: the run cannot go on and must stop. */
function _isRunError(error: Error): boolean {
	return error.name === 'SqliteError' || error instanceof InstallationError || (isPipelineError(error) && error.code === 'E_DB_BUSY');
}
