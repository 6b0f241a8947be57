import type {ReportRecord} from '../../src/report/ReportRecord.js';

/** A summary that would run script if a report failed to escape it. */
export const HOSTILE_SUMMARY = 'Quarterly figures <script>window.__precisHacked = true</script><img src=x onerror="window.__precisHacked = true"> & "quotes"';

/** A warning (extraction quotes a reader's message, which a crafted file can shape) that would run script if a report failed to escape it. */
export const HOSTILE_WARNING = 'page 3: bad XRef <img src=x onerror="window.__precisHacked = true"><script>window.__precisHacked = true</script> & "quotes"';

/** The low-confidence warning of an OCRed page, as extraction words it. */
export const OCR_WARNING = 'page 2: OCR confidence 36 is low (under 60); the text may be wrong in places: check the scan\'s resolution, skew and noise';

/** An answer that would run script if a report failed to escape it. */
export const HOSTILE_ANSWER = 'The <b>board</b><script>window.__precisHacked = true</script><img src=x onerror="window.__precisHacked = true">';

const _words = ['water', 'board', 'budget', 'contract', 'audit', 'rainfall', 'pipeline', 'invoice', 'council', 'harbour', 'survey', 'tariff'];

/**
 * `count` export records for report tests, benchmarks and screenshots: every 7th failed (two error
 * codes), every 5th needing review with citations, an unsupported fact, typed fields and answers (one
 * of them {@link HOSTILE_ANSWER}), every 4th from the second on with the warning {@link OCR_WARNING}
 * (the second also with {@link HOSTILE_WARNING}); the first done record carries {@link HOSTILE_SUMMARY}. Deterministic: record i always reads the same.
 */
export function createReportRecords(count: number, start = Date.parse('2026-11-27T01:00:00Z')): ReportRecord[] {
	return Array.from({length: count}, (_, index): ReportRecord => {
		const failed = index % 7 === 3;
		const word = _words[index % _words.length]!;
		const base: ReportRecord = {
			path: `inbox/${word}/report-${String(index).padStart(5, '0')}.pdf`, sha256: index.toString(16).padStart(64, '0'), format: 'pdf', pages: 1 + (index % 12),
			title: `${word[0]!.toUpperCase()}${word.slice(1)} report ${index}`, status: failed ? 'failed' : 'done',
			error_code: failed ? (index % 2 === 0 ? 'E_ENCRYPTED' : 'E_NO_TEXT') : null,
			error_message: failed ? `inbox/${word}/report-${index}.pdf could not be read` : null,
			summary: failed ? null : index === 0 ? HOSTILE_SUMMARY : `The ${word} committee reviewed item ${index} and approved a budget of 4.2 million for 2027, pending the audit of the ${_words[(index + 3) % _words.length]} accounts.`,
			key_points: failed ? null : [`Budget of 4.2 million approved for ${word}`, `Audit due in March 2027`],
			model: 'synthetic-tiny.gguf', pipeline: 'nightly', prompt_tokens: 800 + index % 400, output_tokens: 120, seconds: 2 + (index % 5) * 0.5,
			updated_at: new Date(start + index * 37_000).toISOString(), citations: null, unsupported_facts: null, needs_review: failed ? null : false,
			warnings: failed ? null : index % 4 === 1 ? [OCR_WARNING, ...(index === 1 ? [HOSTILE_WARNING] : [])] : [],
		};
		if (failed || index % 5 !== 0) return base;
		return {
			...base,
			needs_review: true,
			citations: [{text: `The ${word} committee reviewed item ${index}.`, pages: [1, 2], support: 0.82}, {text: 'It approved a budget of 4.2 million for 2027.', pages: [], support: 0.1}],
			unsupported_facts: [{text: '4.2 million', kind: 'number', statement: 'It approved a budget of 4.2 million for 2027.'}],
			fields: {amount: {value: 4_200_000, pages: [2], evidence: ['4,200,000'], supported: true}, due_date: {value: '2027-03-31', pages: [], supported: false}, parties: {value: ['Council', 'Board'], pages: [1]}},
			answers: {
				q1: {question: 'Who approved <em>the</em> budget?', value: HOSTILE_ANSWER, pages: [3, 4], supported: true},
				q2: {question: 'When is the audit due?', value: 'By the end of | March 2027', pages: [], supported: false},
				q3: {question: 'Who objected?', value: null, pages: [], supported: null},
			},
		};
	});
}
