import {escapeHtml} from './escapeHtml.js';
import {formatUtcMinute} from './formatUtcMinute.js';
import type {FinishTimeline} from './summarizeReport.js';

/** Height of the SVG's coordinate system; the bars stretch to the page's width. */
const _height = 100;

/**
 * Draws documents finished over time as an inline SVG bar chart, one bar per time bucket (no
 * script; prints as is). The labels are HTML under the chart, so they stay legible at any width.
 */
export function renderFinishChart(timeline: FinishTimeline): string {
	const max = Math.max(1, ...timeline.counts);
	const startMs = Date.parse(timeline.start);
	const bucketMs = (Date.parse(timeline.end) - startMs) / timeline.counts.length;
	const bars = timeline.counts.map((count, index) => {
		const barHeight = (count / max) * _height;
		const from = formatUtcMinute(new Date(startMs + index * bucketMs).toISOString());
		return `<rect class="bar" x="${index + 0.1}" y="${(_height - barHeight).toFixed(2)}" width="0.8" height="${barHeight.toFixed(2)}"><title>${count} finished from ${escapeHtml(from)}</title></rect>`;
	}).join('');
	const total = timeline.counts.reduce((sum, count) => sum + count, 0);
	const start = escapeHtml(formatUtcMinute(timeline.start));
	const end = escapeHtml(formatUtcMinute(timeline.end));
	return `<figure class="chart"><svg viewBox="0 0 ${timeline.counts.length} ${_height}" preserveAspectRatio="none" role="img" aria-label="${total} documents finished between ${start} and ${end}">${bars}</svg>`
		+ `<figcaption><span>${start}</span><span>${end}</span><span class="total">${total} finished, at most ${max} per bar</span></figcaption></figure>`;
}
