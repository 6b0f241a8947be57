import type {DocumentMeta, Lease} from '../store/types.js';
import {createCallModel} from './createCallModel.js';
import {getDocumentOcrKey} from './getSettingsKeys.js';
import {readSourceDocument} from './readSourceDocument.js';
import type {DocumentWork} from './DocumentWork.js';
import {summarizeWithFields} from './summarizeWithFields.js';
import {toSummarizeInput} from './toSummarizeInput.js';
import type {FileIdentity} from '../ingest/createInputGuard.js';

/** One document being worked on, as far as it got: what a failure is recorded with. */
export interface DocumentAttempt {
	/** The path as the run was given it (events name it). */
	path: string;
	/** The absolute path (the store's key); a link's target when the guard admitted a link. */
	file: string;
	/** What the file was when admitted: it is read only if it still is (see openInputFile). */
	identity: FileIdentity | undefined;
	/** Order of the document in the run: its model calls go before those of later documents. */
	index: number;
	/** 'extract' until the text is read; a failure is recorded with the settings of its stage. */
	stage: 'extract' | 'summarize';
	sha256: string | undefined;
	/** The file's size, once hashed. */
	bytes: number;
	meta: DocumentMeta | undefined;
	lease: Lease | undefined;
	/** performance.now() when the document was taken up. */
	started: number;
}

/**
 * Works on a claimed document: read its text (readSourceDocument), summarize it, and record the summary, its warnings
 * and its chunks under the lease. Steps that belong to every document after its summary (checks, field
 * extraction) go between summarizing and recording. Returns 'lease-lost' when the claim was taken
 * over meanwhile (this process stalled past it) and nothing was written.
 */
export async function workOnDocument(work: DocumentWork, attempt: DocumentAttempt, lease: Lease): Promise<'done' | 'lease-lost'> {
	const {store, config, tally, runId} = work;
	const {file, path} = attempt;
	tally.emit({type: 'document-started', path, bytes: attempt.bytes});
	const engine = await work.loadEngine();
	const {document, reused} = await readSourceDocument(work, file, {sha256: attempt.sha256!, identity: attempt.identity});
	tally.emit({type: 'document-extracted', path, chars: document.text.length, reused});
	attempt.stage = 'summarize';
	attempt.sha256 = document.sha256;
	attempt.meta = {sha256: document.sha256, bytes: document.bytes, format: document.format, pages: document.pages.length, title: document.title ?? null, runId};
	// Read before markRunning clears it: a summary stored under other fields is reused (summarizeWithFields).
	const earlier = store.getDocument(file);
	if (!store.markRunning(file, attempt.meta, lease)) return 'lease-lost';
	const input = toSummarizeInput(document);
	const callModel = createCallModel({
		engine, store, queue: work.queue, runId, force: work.force, priority: -attempt.index,
		intakeSignal: work.stop.intake.signal, callSignal: work.stop.inFlight.signal,
		onCall: call => tally.call({path, ...call}),
	});
	const {summary, verification, chunks, fields} = await summarizeWithFields(file, document, input, {
		work, engine, callModel, earlier, onProgress: progress => tally.emit({...progress, path}),
	});
	const seconds = (performance.now() - attempt.started) / 1000;
	// Extraction's warnings (an unreadable page, a page OCRed with a low confidence) go with the summary's and the fields'.
	const warnings = [...document.warnings, ...summary.warnings, ...(fields?.warnings ?? [])];
	const written = store.markDone(file, document.sha256, {
		lease, summary: summary.summary, keyPoints: summary.keyPoints ?? null, model: work.engineId, pipeline: config.name, summaryKey: work.keys.summaryKey,
		promptTokens: summary.promptTokens + (fields?.promptTokens ?? 0), outputTokens: summary.outputTokens + (fields?.outputTokens ?? 0),
		llmCalls: summary.calls - summary.cachedCalls + (fields?.llmCalls ?? 0), seconds, runId, warnings, summaryWarnings: summary.warnings,
		// How the text just read depends on OCR, so that a rerun under OCR settings that read it otherwise does it again (decideDocument).
		ocrKey: getDocumentOcrKey(document.ocrDependence, work.keys),
	});
	if (!written) return 'lease-lost';
	if (verification !== undefined) store.putVerification(file, document.sha256, summary.summary, verification);
	store.putChunks(document.sha256, work.keys.summaryKey, chunks);
	tally.done(path, {...summary, warnings}, seconds);
	return 'done';
}
