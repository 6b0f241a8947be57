import {describeErrorFix} from './describeErrorFix.js';
import {escapeHtml} from './escapeHtml.js';
import {formatFieldValue} from './formatFieldValue.js';
import {formatNumberRanges} from '../text/formatNumberRanges.js';
import {formatUtcMinute} from './formatUtcMinute.js';
import type {ReportFieldValue, ReportRecord, ReportUnsupportedFact} from './ReportRecord.js';
import {splitAtFacts} from './splitAtFacts.js';

/**
 * One document of the HTML report as an `<article class="card">`: title, path, pages, its warnings,
 * summary and key points (unsupported facts highlighted), and where present cited pages, the
 * unsupported facts and the field values and answers to the pipeline's questions. `data-status`,
 * `data-review` and `data-warnings` drive the page's filters.
 */
export function renderDocumentCard(record: ReportRecord): string {
	const facts = record.unsupported_facts ?? [];
	const review = record.needs_review === true;
	const warnings = record.warnings ?? [];
	return `<article class="card ${record.status}" data-status="${record.status}" data-review="${review}" data-warnings="${warnings.length > 0}">`
		+ `<header><h3>${escapeHtml(record.title ?? _fileName(record.path))}</h3>`
		+ `<span class="badge ${record.status}">${record.status}</span>${review ? '<span class="badge review">needs review</span>' : ''}`
		+ `${warnings.length > 0 ? `<span class="badge warned">${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}</span>` : ''}</header>`
		+ `<p class="path">${escapeHtml(record.path)}</p>`
		+ `<p class="meta">${_renderMeta(record)}</p>`
		+ _renderFailure(record)
		+ _renderWarnings(warnings)
		+ (record.summary === null ? '' : `<p class="summary">${_highlight(record.summary, facts)}</p>`)
		+ _renderKeyPoints(record.key_points ?? [], facts)
		+ _renderCitations(record)
		+ _renderUnsupportedFacts(facts)
		+ _renderValueTable(Object.entries(record.fields ?? {}), 'fields', ['Field', 'Value'])
		+ _renderValueTable(Object.entries(record.answers ?? {}).map(([id, answer]) => [`${id}. ${answer.question}`, answer]), 'fields answers', ['Question', 'Answer'])
		+ '</article>';
}

function _fileName(path: string): string {
	return path.split(/[\\/]/).pop() || path;
}

function _renderMeta(record: ReportRecord): string {
	const parts = [
		record.format,
		record.pages === null ? null : `${record.pages} ${record.pages === 1 ? 'page' : 'pages'}`,
		record.model,
		record.prompt_tokens === null ? null : `${record.prompt_tokens} + ${record.output_tokens ?? 0} tokens`,
		record.seconds === null ? null : `${record.seconds.toFixed(1)} s`,
		`updated ${formatUtcMinute(record.updated_at)}`,
	];
	return parts.filter(part => part !== null).map(part => escapeHtml(part)).join(' · ');
}

function _renderFailure(record: ReportRecord): string {
	if (record.status !== 'failed') return '';
	return `<p class="error"><code>${escapeHtml(record.error_code ?? 'E_UNKNOWN')}</code> ${escapeHtml(record.error_message ?? '')}</p>`
		+ `<p class="fix">Fix: ${escapeHtml(describeErrorFix(record.error_code))}</p>`;
}

/** What went wrong short of failing (an unreadable page, a low OCR confidence…), for a person to check. */
function _renderWarnings(warnings: readonly string[]): string {
	if (warnings.length === 0) return '';
	return `<div class="warnings"><h4>Warnings</h4><ul>${warnings.map(warning => `<li>${escapeHtml(warning)}</li>`).join('')}</ul></div>`;
}

function _highlight(text: string, facts: readonly ReportUnsupportedFact[]): string {
	return splitAtFacts(text, facts).map(piece => piece.fact === undefined
		? escapeHtml(piece.text)
		: `<mark title="${escapeHtml(`${piece.fact.kind} not found in the source`)}">${escapeHtml(piece.text)}</mark>`).join('');
}

function _renderKeyPoints(points: readonly string[], facts: readonly ReportUnsupportedFact[]): string {
	if (points.length === 0) return '';
	return `<ul class="points">${points.map(point => `<li>${_highlight(point, facts)}</li>`).join('')}</ul>`;
}

function _renderCitations(record: ReportRecord): string {
	const citations = record.citations ?? [];
	if (citations.length === 0) return '';
	const rows = citations.map(citation => `<li${citation.pages.length === 0 ? ' class="uncited"' : ''}>${escapeHtml(citation.text)} `
		+ `<span class="pages">${citation.pages.length === 0 ? 'no supporting page' : `p. ${escapeHtml(formatNumberRanges(citation.pages))}`} · support ${Math.round(citation.support * 100)}%</span></li>`);
	return `<details class="citations"><summary>Cited pages: ${escapeHtml(formatNumberRanges(citations.flatMap(citation => citation.pages)) || 'none')}</summary><ol>${rows.join('')}</ol></details>`;
}

function _renderUnsupportedFacts(facts: readonly ReportUnsupportedFact[]): string {
	if (facts.length === 0) return '';
	const rows = facts.map(fact => `<li><mark>${escapeHtml(fact.text)}</mark> <span class="kind">${escapeHtml(fact.kind)}</span> in “${escapeHtml(fact.statement)}”</li>`);
	return `<div class="unsupported"><h4>Not found in the source</h4><ul>${rows.join('')}</ul></div>`;
}

/** A table of labelled values (the fields, or the questions and their answers), each with its pages; nothing when there are none. */
function _renderValueTable(rows: ReadonlyArray<[label: string, value: ReportFieldValue]>, className: string, [labelHeader, valueHeader]: [string, string]): string {
	if (rows.length === 0) return '';
	const cells = rows.map(([label, field]) => `<tr${field.supported === false ? ' class="unsupported-value"' : ''}><th scope="row">${escapeHtml(label)}</th>`
		+ `<td>${escapeHtml(formatFieldValue(field.value))}${field.supported === false ? ' <mark>not found in the source</mark>' : ''}</td>`
		+ `<td>${escapeHtml(formatNumberRanges(field.pages ?? []))}</td></tr>`);
	return `<table class="${className}"><thead><tr><th>${labelHeader}</th><th>${valueHeader}</th><th>Pages</th></tr></thead><tbody>${cells.join('')}</tbody></table>`;
}
