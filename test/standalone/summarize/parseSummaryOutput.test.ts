import test from 'ava';
import {closeTruncatedJson} from '../../../src/summarize/closeTruncatedJson.js';
import {parseSummaryOutput} from '../../../src/summarize/parseSummaryOutput.js';

test('JSON cut off at the token limit is closed; unparseable output is kept with a warning', t => {
	t.deepEqual(closeTruncatedJson('{"title": "A", "summary": "The board agr'), {title: 'A', summary: 'The board agr'});
	t.deepEqual(closeTruncatedJson('{"title": "A", "key_points": ["one", "tw'), {title: 'A', key_points: ['one', 'tw']});
	t.deepEqual(closeTruncatedJson('{"title": "A", "summ'), {title: 'A', summ: null});
	t.deepEqual(closeTruncatedJson('{"title": "A\\'), {title: 'A'});
	const warnings: string[] = [];
	t.deepEqual(parseSummaryOutput('{"title": "T", "summary": "S", "key_points": ["k1"', 'json', warnings), {title: 'T', summary: 'S', keyPoints: ['k1']});
	t.is(warnings.length, 1);
	t.deepEqual(parseSummaryOutput('- first\n- second\nnot a point', 'bullets', []), {summary: '- first\n- second\nnot a point', keyPoints: ['first', 'second']});
	const garbage: string[] = [];
	t.deepEqual(parseSummaryOutput('no json here', 'json', garbage), {summary: 'no json here'});
	t.regex(garbage[0] ?? '', /did not return valid JSON/);
});
