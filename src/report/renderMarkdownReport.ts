import {describeErrorFix} from './describeErrorFix.js';
import {escapeMarkdown} from './escapeMarkdown.js';
import {formatFieldValue} from './formatFieldValue.js';
import {formatNumberRanges} from '../text/formatNumberRanges.js';
import {formatUtcMinute} from './formatUtcMinute.js';
import type {ReportFieldValue, ReportRecord, ReportScope, ReportUnsupportedFact} from './ReportRecord.js';
import {splitAtFacts} from './splitAtFacts.js';
import {summarizeReport, type ReportSummary} from './summarizeReport.js';

/**
 * Renders records as a Markdown report for e-mail, chat and Git: the same overview as the HTML
 * report (scope, counts, failures table with fixes), then a heading per document with its warnings,
 * summary, key points (unsupported facts in bold) and, where present, cited pages, field values and answers.
 */
export function renderMarkdownReport(records: readonly ReportRecord[], scope: ReportScope): string {
	const summary = summarizeReport(records);
	const blocks = [
		`# precis report: ${escapeMarkdown(summary.pipelines.join(', ') || 'documents', {inline: true})}`,
		_renderScope(summary, scope),
		_renderFigures(summary),
		..._renderFailures(summary),
		'## Documents',
		...records.map(_renderDocument),
	];
	return `${blocks.filter(block => block !== '').join('\n\n')}\n`;
}

function _renderScope(summary: ReportSummary, scope: ReportScope): string {
	const period = summary.firstUpdate === null ? 'no documents' : `documents updated ${formatUtcMinute(summary.firstUpdate)} to ${formatUtcMinute(summary.lastUpdate!)}`;
	return escapeMarkdown([`Covers ${scope.selection}`, `pipeline ${summary.pipelines.join(', ') || '—'}`, `model ${summary.models.join(', ') || '—'}`,
		period, `generated ${formatUtcMinute(scope.generatedAt.toISOString())}`].join(' · '), {inline: true});
}

function _renderFigures(summary: ReportSummary): string {
	const perHour = summary.documentsPerModelHour === null ? '—' : summary.documentsPerModelHour.toFixed(0);
	return [
		`- **${summary.documents}** documents: ${summary.byStatus.done} done, ${summary.byStatus.failed} failed, ${summary.byStatus.pending + summary.byStatus.running} pending or running`,
		`- **${summary.needsReview}** need review`,
		`- **${summary.withWarnings}** with warnings`,
		`- ${summary.promptTokens} prompt tokens, ${summary.outputTokens} output tokens, ${summary.modelSeconds.toFixed(1)} s of model time (${perHour} documents per model-hour)`,
	].join('\n');
}

function _renderFailures(summary: ReportSummary): string[] {
	if (summary.failures.length === 0) return [];
	const rows = summary.failures.map(group => `| \`${group.code.replaceAll(/[`|]/g, '')}\` | ${group.records.length} | ${escapeMarkdown(group.fix, {inline: true})} |`);
	return ['## Failures', ['| Code | Documents | Fix |', '| --- | ---: | --- |', ...rows].join('\n')];
}

function _renderDocument(record: ReportRecord, index: number): string {
	const facts = record.unsupported_facts ?? [];
	const title = record.title ?? record.path.split(/[\\/]/).pop() ?? record.path;
	const warnings = record.warnings ?? [];
	const meta = [record.status, record.needs_review === true ? '**needs review**' : null, warnings.length > 0 ? `**${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}**` : null, record.format, record.pages === null ? null : `${record.pages} ${record.pages === 1 ? 'page' : 'pages'}`]
		.filter(part => part !== null);
	const parts = [
		`### ${index + 1}. ${escapeMarkdown(title, {inline: true})}`,
		`${escapeMarkdown(record.path, {inline: true})} · ${meta.join(' · ')}`,
		record.status === 'failed' ? `**${escapeMarkdown(record.error_code ?? 'E_UNKNOWN')}**: ${escapeMarkdown(record.error_message ?? '', {inline: true})}\nFix: ${escapeMarkdown(describeErrorFix(record.error_code), {inline: true})}` : '',
		warnings.length === 0 ? '' : `Warnings:\n${warnings.map(warning => `- ${escapeMarkdown(warning, {inline: true})}`).join('\n')}`,
		record.summary === null ? '' : _highlight(record.summary, facts, false),
		(record.key_points ?? []).map(point => `- ${_highlight(point, facts, true)}`).join('\n'),
		_renderCitations(record),
		facts.length === 0 ? '' : `Not found in the source:\n${facts.map(fact => `- **${escapeMarkdown(fact.text, {inline: true})}** (${escapeMarkdown(fact.kind, {inline: true})})`).join('\n')}`,
		_renderValueTable(Object.entries(record.fields ?? {}), ['Field', 'Value']),
		// A question is escaped like its answer: both are text the pipeline's author or the model wrote.
		_renderValueTable(Object.entries(record.answers ?? {}).map(([id, answer]) => [`${id}. ${answer.question}`, answer]), ['Question', 'Answer']),
	];
	return parts.filter(part => part !== '').join('\n\n');
}

/** Unsupported facts in bold: marked with private-use characters first, so that escaping sees the whole text. */
function _highlight(text: string, facts: readonly ReportUnsupportedFact[], inline: boolean): string {
	const marked = splitAtFacts(text.replaceAll(/[\uE000\uE001]/g, ''), facts)
		.map(piece => piece.fact === undefined ? piece.text : `\uE000${piece.text}\uE001`).join('');
	return escapeMarkdown(marked, {inline}).replaceAll(/[\uE000\uE001]/g, '**');
}

function _renderCitations(record: ReportRecord): string {
	const citations = record.citations ?? [];
	if (citations.length === 0) return '';
	const rows = citations.map(citation => `- ${escapeMarkdown(citation.text, {inline: true})} — ${citation.pages.length === 0 ? 'no supporting page' : `p. ${formatNumberRanges(citation.pages)}`} (support ${Math.round(citation.support * 100)}%)`);
	return `Cited pages: ${formatNumberRanges(citations.flatMap(citation => citation.pages)) || 'none'}\n\n${rows.join('\n')}`;
}

/** A table of labelled values (the fields, or the questions and their answers), each with its pages; nothing when there are none. */
function _renderValueTable(rows: ReadonlyArray<[label: string, value: ReportFieldValue]>, [labelHeader, valueHeader]: [string, string]): string {
	if (rows.length === 0) return '';
	const lines = rows.map(([label, field]) => `| ${escapeMarkdown(label, {inline: true})} | ${escapeMarkdown(formatFieldValue(field.value), {inline: true})}${field.supported === false ? ' (not found in the source)' : ''} | ${formatNumberRanges(field.pages ?? [])} |`);
	return [`| ${labelHeader} | ${valueHeader} | Pages |`, '| --- | --- | --- |', ...lines].join('\n');
}
