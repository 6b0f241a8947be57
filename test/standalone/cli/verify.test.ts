import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {createTempDir} from '../../helpers/createTempDir.js';
import {precisNodeArgs} from '../../helpers/runPrecis.js';

const _report = join(process.cwd(), 'fixtures', 'verify', 'multi-page-report.pdf');

function _verify(args: readonly string[], input = ''): {code: number | null; stdout: string; stderr: string} {
	const result = spawnSync(process.execPath, [...precisNodeArgs, 'verify', ...args], {input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

test('--json prints the export\'s keys; exit 0 when every statement is supported', t => {
	const result = _verify([_report, '--summary', '-', '--json'], 'Voters approved a $75 million bond on 7 November 2023 to repair school buildings and bridges.');
	t.is(result.code, 0, result.stderr);
	const output = JSON.parse(result.stdout) as Record<string, unknown>;
	t.deepEqual(Object.keys(output).sort(), ['citations', 'needs_review', 'unsupported_facts']);
	t.like(output, {needs_review: false, unsupported_facts: [], citations: [{pages: [8]}]});
});

test('exit 2 with the unsupported facts marked under their statement, from a summary file', t => {
	const file = join(createTempDir(t), 'summary.txt');
	writeFileSync(file, '- The Green Line tram opened on 14 September 2023.\n- Glorp wibble frandish the zonk.\n');
	const result = _verify([_report, '--summary', file]);
	t.is(result.code, 2, result.stderr);
	const lines = result.stdout.trimEnd().split('\n');
	t.regex(lines[0]!, /multi-page-report\.pdf: needs review: 1 unsupported fact\(s\), 1 statement\(s\) under support/);
	t.regex(lines[1]!, /^ {2}p\. 3 +\d\.\d\d {2}The Green Line tram opened on 14 September 2023\.$/);
	t.regex(lines[2]!, /✗ date not in the source: 14 September 2023$/);
	t.regex(lines[3]!, /^\? - +0\.00 {2}Glorp wibble frandish the zonk\.$/);
});

test('an empty summary needs review; a text document is cited by lines', t => {
	t.is(_verify([_report, '--summary', '-']).code, 2);
	const text = join(createTempDir(t), 'notes.txt');
	writeFileSync(text, 'First line about apples.\nSecond line about the orchard harvest of 2024.\n');
	const result = _verify([text, '--summary', '-', '--json'], 'The orchard harvest was in 2024.');
	t.is(result.code, 0, result.stderr);
	t.like(JSON.parse(result.stdout), {citations: [{pages: [1], lines: [2, 2]}]});
});

test('a missing document or summary file is a one-line error, exit 1', t => {
	for (const args of [[join(process.cwd(), 'nothere.pdf'), '--summary', '-'], [_report, '--summary', join(process.cwd(), 'nothere.txt')]]) {
		const result = _verify(args);
		t.is(result.code, 1);
		t.regex(result.stderr, /^precis: E_FILE_UNREADABLE: cannot read .*nothere/);
		t.false(result.stderr.includes('    at '));
	}
});
