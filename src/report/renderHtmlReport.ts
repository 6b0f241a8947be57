import {escapeHtml} from './escapeHtml.js';
import {formatUtcMinute} from './formatUtcMinute.js';
import {htmlReportScript, htmlReportStyle} from './htmlReportAssets.js';
import {renderDocumentCard} from './renderDocumentCard.js';
import {renderFinishChart} from './renderFinishChart.js';
import type {ReportRecord, ReportScope} from './ReportRecord.js';
import {summarizeReport, type ReportSummary} from './summarizeReport.js';

/**
 * Renders records as one self-contained HTML page: what it covers, documents by status, failures by
 * code with their fix, throughput with a chart, then a card per document, filtered in the page by a
 * search box, a status choice, "needs review" and "with warnings". Everything from the records is escaped, and a
 * Content-Security-Policy forbids any request, so the file opens the same offline or from a mail.
 */
export function renderHtmlReport(records: readonly ReportRecord[], scope: ReportScope): string {
	const summary = summarizeReport(records);
	const title = `precis report: ${summary.pipelines.join(', ') || 'documents'}`;
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${htmlReportStyle}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${_renderScope(summary, scope)}
${_renderFigures(summary)}
${summary.timeline === null ? '' : `<h2>Documents finished over time</h2>${renderFinishChart(summary.timeline)}`}
${_renderFailures(summary)}
<h2>Documents</h2>
<div class="controls" role="search">
<input id="search" type="search" placeholder="Search title, path, summary…" aria-label="Search documents">
<select id="status" aria-label="Status"><option value="">every status</option>${(['done', 'failed', 'pending', 'running'] as const).filter(status => summary.byStatus[status] > 0).map(status => `<option value="${status}">${status} (${summary.byStatus[status]})</option>`).join('')}</select>
<label><input id="review" type="checkbox"> needs review (${summary.needsReview})</label>
<label><input id="warned" type="checkbox"> with warnings (${summary.withWarnings})</label>
<output id="shown">${records.length} of ${records.length} documents shown</output>
</div>
<section class="cards">
${records.map(renderDocumentCard).join('\n')}
</section>
</main><script>${htmlReportScript}</script></body></html>
`;
}

function _renderScope(summary: ReportSummary, scope: ReportScope): string {
	const period = summary.firstUpdate === null ? 'no documents' : `documents updated ${formatUtcMinute(summary.firstUpdate)} to ${formatUtcMinute(summary.lastUpdate!)}`;
	const parts = [
		`Covers ${scope.selection}`,
		`pipeline ${summary.pipelines.join(', ') || '—'}`,
		`model ${summary.models.join(', ') || '—'}`,
		period,
		`generated ${formatUtcMinute(scope.generatedAt.toISOString())}`,
	];
	return `<p class="scope">${parts.map(part => escapeHtml(part)).join(' · ')}</p>`;
}

function _renderFigures(summary: ReportSummary): string {
	const figures: Array<[string, string]> = [
		['documents', String(summary.documents)],
		['done', String(summary.byStatus.done)],
		['failed', String(summary.byStatus.failed)],
		...(summary.byStatus.pending + summary.byStatus.running > 0 ? [['pending or running', String(summary.byStatus.pending + summary.byStatus.running)] as [string, string]] : []),
		['need review', String(summary.needsReview)],
		['with warnings', String(summary.withWarnings)],
		['prompt tokens', summary.promptTokens.toLocaleString('en')],
		['output tokens', summary.outputTokens.toLocaleString('en')],
		['model time', _formatDuration(summary.modelSeconds)],
		['documents per model-hour', summary.documentsPerModelHour === null ? '—' : summary.documentsPerModelHour.toFixed(0)],
	];
	return `<ul class="figures">${figures.map(([label, value]) => `<li><b>${escapeHtml(value)}</b>${escapeHtml(label)}</li>`).join('')}</ul>`;
}

function _renderFailures(summary: ReportSummary): string {
	if (summary.failures.length === 0) return '';
	const rows = summary.failures.map(group => `<tr><td><code>${escapeHtml(group.code)}</code></td><td>${group.records.length}</td><td>${escapeHtml(group.fix)}</td></tr>`);
	return `<h2>Failures by error code</h2><table class="failures"><thead><tr><th>Code</th><th>Documents</th><th>Fix</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function _formatDuration(seconds: number): string {
	if (seconds < 120) return `${seconds.toFixed(1)} s`;
	return seconds < 7200 ? `${(seconds / 60).toFixed(1)} min` : `${(seconds / 3600).toFixed(1)} h`;
}
