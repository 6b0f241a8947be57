import type {Store} from '../store/Store.js';
import type {RunCounters} from '../store/types.js';
import type {DocumentSummary} from '../summarize/summarizeDocument.js';
import type {RunEvent} from './RunEvent.js';
import type {RunResult} from './RunResult.js';

export type SkipReason = Extract<RunEvent, {type: 'document-skipped'}>['reason'];
type _Call = Omit<Extract<RunEvent, {type: 'call-done'}>, 'type'>;
/** How a document is counted: its latest outcome in this run. */
type _Outcome = 'done' | 'failed' | 'skipped' | 'failed-before';

/**
 * A run's counts: each outcome is counted, reported as a {@link RunEvent} and written to the run's
 * row (so `precis status` in another process shows progress) in one place. Counts of model calls are
 * written as each call ends; the other counts when each document ends.
 */
export class RunTally {
	readonly result: RunResult;
	readonly #store: Store;
	readonly #emit: (event: RunEvent) => void;
	/**
	 * Each document's outcome so far. A watcher works on a document again (a transient failure
	 * retried, a file changed): it is counted once, by its latest outcome, and a later skip (nothing
	 * changed) leaves the outcome it had.
	 */
	readonly #outcomes = new Map<string, _Outcome>();

	constructor(runId: number, contextSize: number | null, store: Store, emit: (event: RunEvent) => void) {
		this.result = {
			runId, documents: {total: 0, done: 0, failed: 0, skipped: 0, failedBefore: 0}, llmCalls: 0, cacheHits: 0,
			promptTokens: 0, evaluatedPromptTokens: 0, outputTokens: 0, maxPromptTokens: 0, texts: {extracted: 0, reused: 0}, contextSize, wallSeconds: 0, interrupted: false,
		};
		this.#store = store;
		this.#emit = emit;
	}

	emit(event: RunEvent): void {
		this.#emit(event);
	}

	discovered(total: number, documents: Array<{path: string; bytes: number | null}>): void {
		this.result.documents.total = total;
		this.#emit({type: 'discovered', total, documents});
	}

	skipped(path: string, reason: SkipReason): void {
		if (!this.#outcomes.has(path)) this.#count(path, reason === 'failed-before' ? 'failed-before' : 'skipped');
		this.#emit({type: 'document-skipped', path, reason});
	}

	done(path: string, summary: DocumentSummary, seconds: number): void {
		this.#count(path, 'done');
		this.result.maxPromptTokens = Math.max(this.result.maxPromptTokens, summary.maxPromptTokens);
		this.#emit({
			type: 'document-done', path, seconds, llmCalls: summary.calls - summary.cachedCalls, cacheHits: summary.cachedCalls,
			chunks: summary.chunks.length, collapseLevels: summary.collapseLevels, maxPromptTokens: summary.maxPromptTokens, warnings: summary.warnings,
		});
	}

	failed(path: string, code: string, message: string, retryable: boolean): void {
		this.#count(path, 'failed');
		this.#emit({type: 'document-failed', path, code, message, retryable});
	}

	/** A document's text read: by an extraction process, or reused from the store. */
	countText(reused: boolean): void {
		this.result.texts[reused ? 'reused' : 'extracted']++;
	}

	call(call: _Call): void {
		const result = this.result;
		if (call.cached) result.cacheHits++;
		else {
			result.llmCalls++;
			result.promptTokens += call.promptTokens;
			result.evaluatedPromptTokens += call.promptTokens - call.cachedPromptTokens;
			result.outputTokens += call.outputTokens;
			// A model call takes far longer than this write: `precis status` sees calls and tokens as they are made.
			this.save();
		}
		this.#emit({type: 'call-done', ...call});
	}

	/** Counts `path` under `outcome`, in place of the outcome it had before. */
	#count(path: string, outcome: _Outcome): void {
		const {documents} = this.result;
		const previous = this.#outcomes.get(path);
		if (previous !== undefined) _adjust(documents, previous, -1);
		_adjust(documents, outcome, 1);
		this.#outcomes.set(path, outcome);
	}

	/** Writes the counters to the run's row. */
	save(): void {
		this.#store.updateRunCounters(this.result.runId, this.toCounters());
	}

	toCounters(): RunCounters {
		const {result} = this;
		return {
			llmCalls: result.llmCalls, cacheHits: result.cacheHits, promptTokens: result.promptTokens, outputTokens: result.outputTokens,
			documentsTotal: result.documents.total, documentsDone: result.documents.done,
			documentsFailed: result.documents.failed, documentsSkipped: result.documents.skipped,
		};
	}
}

function _adjust(documents: RunResult['documents'], outcome: _Outcome, by: 1 | -1): void {
	if (outcome === 'failed-before') {
		documents.skipped += by;
		documents.failedBefore += by;
	} else {
		documents[outcome] += by;
	}
}
