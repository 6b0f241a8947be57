import test from 'ava';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {PACKAGE_ROOT} from '../../../src/config/loadConfigFile.js';
import {resolveConfig} from '../../../src/config/resolveConfig.js';
import {writeReportFile} from '../../../src/report/writeReportFile.js';
import {createReportRecords} from '../../helpers/createReportRecords.js';
import {createTempDir} from '../../helpers/createTempDir.js';

const _scope = {selection: 'run 5', generatedAt: new Date('2026-11-27T06:00:00Z')};

test('the nightly pipeline writes its dated report as CSV and, beside it, as HTML', t => {
	const {config} = resolveConfig({pipeline: 'nightly', cwd: PACKAGE_ROOT, env: {}});
	t.deepEqual(config.report.format, ['csv', 'html']);
	const folder = createTempDir(t);
	const files = writeReportFile(createReportRecords(4), {...config.report, path: join(folder, 'nightly-{date}.csv')}, _scope);
	t.deepEqual(files, [join(folder, 'nightly-2026-11-27.csv'), join(folder, 'nightly-2026-11-27.html')]);
	t.deepEqual(readdirSync(folder).sort(), ['nightly-2026-11-27.csv', 'nightly-2026-11-27.html']);
	t.true(readFileSync(files[0]!, 'utf8').startsWith('\uFEFFpath,sha256,'), 'the CSV keeps its BOM');
	const html = readFileSync(files[1]!, 'utf8');
	t.is(html.match(/<article class="card/g)?.length, 4);
	t.true(html.includes('Covers run 5'));
});

test('one format writes the path as given', t => {
	const folder = createTempDir(t);
	const files = writeReportFile(createReportRecords(2), {format: 'md', path: join(folder, 'out', 'report-{date}.txt'), bom: false}, _scope);
	t.deepEqual(files, [join(folder, 'out', 'report-2026-11-27.txt')]);
	t.true(readFileSync(files[0]!, 'utf8').startsWith('# precis report: nightly\n'));
});
