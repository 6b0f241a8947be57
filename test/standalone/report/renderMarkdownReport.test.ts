import test from 'ava';
import {escapeMarkdown} from '../../../src/report/escapeMarkdown.js';
import {renderMarkdownReport} from '../../../src/report/renderMarkdownReport.js';
import type {ReportRecord} from '../../../src/report/ReportRecord.js';
import {createReportRecords, HOSTILE_SUMMARY, OCR_WARNING} from '../../helpers/createReportRecords.js';

const _scope = {selection: 'run 7', generatedAt: new Date('2026-11-27T06:00:00Z')};

test('one heading per document in order, the scope, and a failures table with one row per code and its fix', t => {
	const records = createReportRecords(30);
	const markdown = renderMarkdownReport(records, _scope);
	const lines = markdown.split('\n');
	t.is(lines[0], '# precis report: nightly');
	t.regex(markdown, /^Covers run 7 · pipeline nightly · model synthetic-tiny\.gguf · documents updated 2026-11-27 01:00 UTC to 2026-11-27 01:17 UTC · generated 2026-11-27 06:00 UTC$/m);
	t.deepEqual(lines.filter(line => line.startsWith('### ')), records.map((record, index) => `### ${index + 1}. ${record.title}`));
	const failures = lines.slice(lines.indexOf('## Failures'), lines.indexOf('## Documents'));
	t.deepEqual(failures.filter(line => line.startsWith('| `')).map(line => line.split(' | ').slice(0, 2)), [['| `E_ENCRYPTED`', '2'], ['| `E_NO_TEXT`', '2']]);
	t.true(failures.some(line => line.includes('Remove the password protection')), 'each code comes with its fix');
	t.true(markdown.endsWith('\n') && !markdown.endsWith('\n\n'));
});

test('summaries, paths and key points are escaped: no HTML, no accidental headings, lists or tables', t => {
	const record: ReportRecord = {
		...createReportRecords(1)[0]!, citations: null, unsupported_facts: null, needs_review: null, fields: null,
		path: 'inbox/a|b_[c](d).pdf', title: '# not *a* heading', summary: `${HOSTILE_SUMMARY}\n# not a heading\n- not a list\n1. not ordered\n    not code\n---`,
		key_points: ['two\nlines | with a pipe'],
	};
	const markdown = renderMarkdownReport([record], _scope);
	t.false(/<(?!br)[a-z/]/i.test(markdown.replaceAll('\\<', '')), 'every < is escaped');
	t.true(markdown.includes('\\<script\\>window.\\_\\_precisHacked = true\\</script\\>'));
	t.true(markdown.includes('### 1. \\# not \\*a\\* heading'));
	t.true(markdown.includes('inbox/a\\|b\\_\\[c\\](d).pdf'));
	t.true(markdown.includes('\n\\# not a heading\n\\- not a list\n1\\. not ordered\nnot code\n\\---\n'));
	t.true(markdown.includes('\n- two lines \\| with a pipe\n'), 'a key point stays one list item');
	t.false(markdown.includes('## Failures'), 'no failures, no failures table');
});

test('citations, unsupported facts (in bold where they occur) and field values are shown when the record has them', t => {
	const markdown = renderMarkdownReport([createReportRecords(1)[0]!], _scope);
	t.true(markdown.includes('- Budget of **4.2 million** approved for water'));
	t.true(markdown.includes('Cited pages: 1-2\n\n- The water committee reviewed item 0. — p. 1-2 (support 82%)\n- It approved a budget of 4.2 million for 2027. — no supporting page (support 10%)'));
	t.true(markdown.includes('Not found in the source:\n- **4.2 million** (number)'));
	t.true(markdown.includes('| Field | Value | Pages |\n| --- | --- | --- |\n| amount | 4200000 | 2 |\n| due\\_date | 2027-03-31 (not found in the source) |  |\n| parties | Council; Board | 1 |'));
});

test('answers: each question with its answer and pages, "not found in the source" when unsupported, everything escaped', t => {
	const markdown = renderMarkdownReport([createReportRecords(1)[0]!], _scope);
	t.true(markdown.includes([
		'| Question | Answer | Pages |',
		'| --- | --- | --- |',
		'| q1. Who approved \\<em\\>the\\</em\\> budget? | The \\<b\\>board\\</b\\>\\<script\\>window.\\_\\_precisHacked = true\\</script\\>\\<img src=x onerror="window.\\_\\_precisHacked = true"\\> | 3-4 |',
		'| q2. When is the audit due? | By the end of \\| March 2027 (not found in the source) |  |',
		'| q3. Who objected? | — |  |',
	].join('\n')), markdown);
	t.false(/<(?!br)[a-z/]/i.test(markdown.replaceAll('\\<', '')), 'every < is escaped');
});

test('a document\'s warnings are listed under its heading, escaped, and counted in the figures', t => {
	const records = createReportRecords(8);
	const markdown = renderMarkdownReport(records, _scope);
	t.true(markdown.includes('- **2** with warnings\n'), 'records 1 and 5 have warnings');
	const second = markdown.slice(markdown.indexOf('### 2. '), markdown.indexOf('### 3. '));
	t.regex(second, /^inbox\/board\/report-00001\.pdf · done · \*\*2 warnings\*\* · pdf · 2 pages$/m);
	t.true(second.includes(`\n\nWarnings:\n- ${escapeMarkdown(OCR_WARNING)}\n- page 3: bad XRef \\<img src=x onerror="window.\\_\\_precisHacked = true"\\>\\<script\\>window.\\_\\_precisHacked = true\\</script\\> \\& "quotes"\n\n`), second);
	t.true(second.indexOf('Warnings:') < second.indexOf(records[1]!.summary!), 'the warnings come before the summary');
	t.false(/<(?!br)[a-z/]/i.test(markdown.replaceAll('\\<', '')), 'every < is escaped');
	t.is(markdown.match(/^Warnings:$/gm)?.length, 2);
});

test('escapeMarkdown keeps ordinary text readable', t => {
	t.is(escapeMarkdown('Revenue rose 4.5% to $3.2 million in 2024-25.'), 'Revenue rose 4.5% to $3.2 million in 2024-25.');
	t.is(escapeMarkdown('a\r\nb', {inline: true}), 'a b');
});
