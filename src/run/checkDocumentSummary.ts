import type {ResolvedConfig} from '../config/schema.js';
import type {Engine} from '../engine/Engine.js';
import type {SourceDocument} from '../ingest/SourceDocument.js';
import type {Store} from '../store/Store.js';
import type {StoredVerification} from '../store/types.js';
import {buildRepairMessages} from '../summarize/buildRepairMessages.js';
import {createSummaryJsonSchema, type SummarizeOptions} from '../summarize/buildMessages.js';
import {parseSummaryOutput} from '../summarize/parseSummaryOutput.js';
import {PROMPT_MARGIN_TOKENS} from '../summarize/planSummaryCalls.js';
import type {CallModel, DocumentSummary} from '../summarize/summarizeDocument.js';
import type {NormalizedText} from '../text/normalizeForMatch.js';
import {findNearestPassages} from '../verify/findNearestPassages.js';
import {indexSource, type SourceIndex} from '../verify/indexSource.js';
import {checkerVersion, type VerificationResult} from '../verify/VerificationResult.js';
import {verifySummary} from '../verify/verifySummary.js';
import {hashJson} from './hashJson.js';

export type VerifyConfig = ResolvedConfig['verify'];

/** What a repair call needs: the document's title, the summarize settings, the engine's counter and the run's cached model calls. */
export interface RepairContext {
	title: string;
	summarize: SummarizeOptions;
	engine: Pick<Engine, 'contextSize' | 'countPromptTokens'>;
	callModel: CallModel;
}

/** Hash of what decides a check's outcome: the checker's version and its threshold. */
export function getVerifyKey(settings: VerifyConfig): string {
	return hashJson({checker: checkerVersion, supportThreshold: settings.supportThreshold});
}

/**
 * Checks a document's final summary against its extracted text (nothing when `verify.enabled` is
 * off), using the document's normalized text when it carries one (see withNormalizedText). With
 * `verify.repair` and unsupported facts, one more model call gets the summary, those facts and the
 * nearest passages, and asks for a corrected summary; the corrected one is kept only when it has
 * fewer unsupported facts. Returns the summary to store and its check.
 */
export async function checkSummary(document: Pick<SourceDocument, 'text' | 'pageStarts'> & {normalized?: NormalizedText}, drafted: DocumentSummary, settings: VerifyConfig, repair: RepairContext): Promise<{summary: DocumentSummary; verification?: StoredVerification}> {
	if (!settings.enabled) return {summary: drafted};
	const index = indexSource(document.text, document.pageStarts, document.normalized);
	const result = _verify(drafted, index, settings);
	const verification = {verifyKey: getVerifyKey(settings), repair: null};
	if (!settings.repair || result.unsupported_facts.length === 0) return {summary: drafted, verification: {...verification, ..._toStored(result)}};
	const repaired = await _repair(drafted, result, index, repair);
	const repairedResult = _verify(repaired, index, settings);
	// An empty answer has no unsupported fact, and says nothing either.
	const better = repairedResult.citations.length > 0 && repairedResult.unsupported_facts.length < result.unsupported_facts.length;
	const record = {
		kept: better ? 'repaired' as const : 'original' as const,
		original: {summary: drafted.summary, unsupported_facts: result.unsupported_facts},
		repaired: {summary: repaired.summary, unsupported_facts: repairedResult.unsupported_facts},
	};
	return {summary: better ? repaired : drafted, verification: {...verification, ..._toStored(better ? repairedResult : result), repair: record}};
}

/**
 * For a document skipped as already summarized: checks its stored summary again when it was never
 * checked or the checker's settings changed since, from its source as `readSource` gives it (the
 * runner's stored text of those bytes, else extracted anew); no model call, no repair. A source that
 * can no longer be read, or whose bytes changed, keeps the old check.
 */
export async function recheckStoredSummary(store: Store, file: string, settings: VerifyConfig, readSource: (sha256: string) => Promise<SourceDocument>): Promise<boolean> {
	if (!settings.enabled) return false;
	const row = store.getDocument(file);
	if (row?.summary === null || row?.summary === undefined || row.sha256 === null || store.getVerification(file)?.verifyKey === getVerifyKey(settings)) return false;
	try {
		const document = await readSource(row.sha256);
		if (document.sha256 !== row.sha256) return false;
		const result = verifySummary(row.summary, indexSource(document.text, document.pageStarts), {supportThreshold: settings.supportThreshold, keyPoints: row.keyPoints ?? []});
		store.putVerification(file, document.sha256, row.summary, {verifyKey: getVerifyKey(settings), repair: store.getVerification(file)?.repair ?? null, ..._toStored(result)});
		return true;
	} catch {
		return false;
	}
}

function _verify(summary: DocumentSummary, index: SourceIndex, settings: VerifyConfig): VerificationResult {
	return verifySummary(summary.summary, index, {supportThreshold: settings.supportThreshold, keyPoints: summary.keyPoints ?? []});
}

function _toStored(result: VerificationResult): Pick<StoredVerification, 'needsReview' | 'citations' | 'unsupportedFacts'> {
	return {needsReview: result.needs_review, citations: result.citations, unsupportedFacts: result.unsupported_facts};
}

/** One repair call, its passages dropped from the end until the prompt fits the context. */
async function _repair(drafted: DocumentSummary, result: VerificationResult, index: SourceIndex, context: RepairContext): Promise<DocumentSummary> {
	const {summarize, engine} = context;
	const statements = [...new Set(result.unsupported_facts.map(fact => fact.statement))];
	const passages = findNearestPassages(statements, index);
	const budget = engine.contextSize - summarize.maxOutputTokens - PROMPT_MARGIN_TOKENS;
	let messages = buildRepairMessages({title: context.title, summary: drafted.summary, unsupportedFacts: result.unsupported_facts, passages}, summarize);
	let promptTokens = engine.countPromptTokens(messages);
	while (promptTokens > budget && passages.length > 0) {
		passages.pop();
		messages = buildRepairMessages({title: context.title, summary: drafted.summary, unsupportedFacts: result.unsupported_facts, passages}, summarize);
		promptTokens = engine.countPromptTokens(messages);
	}
	// A summary too long to be repaired within the context is kept as it is.
	if (promptTokens > budget) return drafted;
	const output = await context.callModel({
		kind: 'reduce', level: 0, messages, promptTokens, maxTokens: summarize.maxOutputTokens, temperature: summarize.temperature, seed: summarize.seed,
		...(summarize.style === 'json' ? {jsonSchema: createSummaryJsonSchema(summarize.maxOutputTokens)} : {}),
	});
	const parsed = parseSummaryOutput(output.text, summarize.style, []);
	return {
		...drafted, summary: parsed.summary, keyPoints: parsed.keyPoints,
		calls: drafted.calls + 1, cachedCalls: drafted.cachedCalls + (output.cached ? 1 : 0),
		promptTokens: drafted.promptTokens + promptTokens, outputTokens: drafted.outputTokens + output.outputTokens,
	};
}
