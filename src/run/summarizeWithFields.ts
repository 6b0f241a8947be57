import type {Engine} from '../engine/Engine.js';
import {mergeRiddenFields} from '../fields/extractFields.js';
import type {SourceDocument} from '../ingest/SourceDocument.js';
import type {NormalizedText} from '../text/normalizeForMatch.js';
import type {ChunkMeta, DocumentRow, StoredVerification} from '../store/types.js';
import type {SummarizeInput} from '../summarize/SummarizeInput.js';
import {summarizeDocument, type CallModel, type DocumentSummary} from '../summarize/summarizeDocument.js';
import {checkSummary} from './checkDocumentSummary.js';
import type {DocumentWork} from './DocumentWork.js';
import {extractDocumentFields, getFieldsCallOptions, planDocumentFields, recordDocumentFields, type DocumentFieldsResult} from './extractDocumentFields.js';
import {hasSameSummarySettings, isOcrKeyCurrent} from './getSettingsKeys.js';
import {planDocumentSummary} from './planDocumentSummary.js';

/** A document's summary (checked), its chunks and its fields, ready to record. */
export interface SummarizedDocument {
	summary: DocumentSummary;
	/** The check of a new summary; absent when verify is off or the stored summary (and its stored check) was reused. */
	verification?: StoredVerification;
	chunks: ChunkMeta[];
	/** Absent when the pipeline asks no fields or questions. */
	fields?: DocumentFieldsResult;
}

export interface SummarizeWithFieldsOptions {
	work: Pick<DocumentWork, 'store' | 'config' | 'keys' | 'engineId' | 'force'>;
	engine: Engine;
	callModel: CallModel;
	/** The document's row as it was before this attempt began. */
	earlier: DocumentRow | undefined;
	onProgress: NonNullable<Parameters<typeof summarizeDocument>[1]['onProgress']>;
}

/**
 * Summarizes a document and extracts its fields, asking the model as little as it can:
 * - a summary already stored for the same bytes and summary settings (only the field set changed)
 *   is reused, with no summary call, and only the fields not stored yet are asked, in their own calls;
 * - otherwise the fields not stored yet ride on the summary calls that read the text where
 *   `planDocumentSummary` says they fit, and have calls of their own (alongside the summary's) where they do not.
 */
export async function summarizeWithFields(file: string, document: SourceDocument & {normalized?: NormalizedText}, input: SummarizeInput, options: SummarizeWithFieldsOptions): Promise<SummarizedDocument> {
	const {work, engine, callModel} = options;
	const {store, config} = work;
	// The normalized text, when the document carries it, is shared by the field evidence and the summary check. It is
	// computed on first read, so it is read only where fields are asked (a spread would compute it for every document).
	const fieldsDocument = () => ({text: document.text, pageStarts: document.pageStarts, title: input.title, ...(document.normalized === undefined ? {} : {normalized: document.normalized})});
	const plan = config.fields.length + config.questions.length > 0
		? planDocumentFields(document.sha256, {engineId: work.engineId, store, config, force: work.force})
		: undefined;
	const record = (fresh: Awaited<ReturnType<typeof extractDocumentFields>>) => plan === undefined ? undefined : recordDocumentFields(file, document.sha256, plan, fresh, store);
	const reused = _findReusableSummary(document.sha256, options);
	if (reused !== undefined) {
		const fresh = plan === undefined ? undefined : await extractDocumentFields(fieldsDocument(), plan, {engine, callModel, config});
		return {...reused, fields: record(fresh)};
	}
	const fieldOptions = plan === undefined ? undefined : getFieldsCallOptions(plan, {engine, callModel, config});
	const summaryPlan = planDocumentSummary(input, fieldOptions?.items ?? [], {engine, config});
	const rides = summaryPlan.ride !== 'none';
	const [drafted, separate] = await Promise.all([
		summarizeDocument(input, {engine, summarize: config.summarize, chunk: config.chunk, onProgress: options.onProgress, callModel, plan: summaryPlan}),
		plan === undefined || rides ? undefined : extractDocumentFields(fieldsDocument(), plan, {engine, callModel, config}),
	]);
	const fresh = drafted.riderAnswers === undefined || fieldOptions === undefined ? separate : await mergeRiddenFields(fieldsDocument(), drafted.riderAnswers, fieldOptions);
	const {summary, verification} = await checkSummary(document, drafted, config.verify, {title: input.title, summarize: config.summarize, engine, callModel});
	const chunks = summary.chunks.map((chunk): ChunkMeta => ({
		index: chunk.index, tokens: chunk.tokens, charStart: chunk.start, charEnd: chunk.end,
		pageFirst: chunk.pages?.[0] ?? null, pageLast: chunk.pages?.[1] ?? null, headings: chunk.headings,
	}));
	return {summary, ...(verification === undefined ? {} : {verification}), chunks, fields: record(fresh)};
}

/**
 * The stored summary of these bytes made under the same summary settings (under another field set),
 * from a text the run's OCR settings read alike, with its chunks, its warnings and no calls;
 * undefined when there is none or the run is forced.
 */
function _findReusableSummary(sha256: string, options: SummarizeWithFieldsOptions): Omit<SummarizedDocument, 'fields'> | undefined {
	const {earlier, work} = options;
	if (work.force || earlier?.status !== 'done' || earlier.sha256 !== sha256 || earlier.summary === null || earlier.summaryKey === null) return undefined;
	if (!hasSameSummarySettings(earlier.summaryKey, work.keys) || !isOcrKeyCurrent(earlier.ocrKey, work.keys.currentOcrKeys)) return undefined;
	const chunks = work.store.listChunks(sha256, earlier.summaryKey);
	const summary: DocumentSummary = {
		summary: earlier.summary, ...(earlier.keyPoints === null ? {} : {keyPoints: earlier.keyPoints}), chunks: [],
		collapseLevels: 0, calls: 0, cachedCalls: 0, promptTokens: 0, outputTokens: 0, maxPromptTokens: 0, warnings: earlier.summaryWarnings ?? [],
	};
	return {summary, chunks};
}
