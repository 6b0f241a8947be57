import {fileURLToPath} from 'node:url';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../../src/config/defaults.js';
import {readDocx} from '../../../../src/ingest/readers/docx/readDocx.js';
import {createDocxBomb} from '../../../helpers/createDocxBomb.js';

const fixture = fileURLToPath(new URL('../../../../fixtures/docx/headings-lists-table.docx', import.meta.url));
const mebibyte = 1024 * 1024;

test('a DOCX whose XML inflates to a gigabyte is refused with E_TOO_LARGE in bounded memory', async t => {
	const started = performance.now();
	const bomb = createDocxBomb(fixture, 1024);
	t.log(`bomb: ${(bomb.length / mebibyte).toFixed(2)} MiB on disk, ~1 GiB inflated; built in ${(performance.now() - started).toFixed(0)} ms`);
	t.true(bomb.length < 4 * mebibyte);

	const rssBefore = process.memoryUsage().rss;
	const peakBefore = process.resourceUsage().maxRSS * 1024;
	const cpuBefore = process.cpuUsage();
	const readStarted = performance.now();
	await t.throwsAsync(readDocx(bomb, {path: 'bomb.docx', limits: DEFAULT_CONFIG.extract}), {code: 'E_TOO_LARGE', message: /bomb\.docx unpacks to over 268435456 bytes \(at word\/document\.xml\)/});
	const seconds = (performance.now() - readStarted) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	const peakAfter = process.resourceUsage().maxRSS * 1024;
	t.log(`refused after ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s CPU); RSS before ${(rssBefore / mebibyte).toFixed(0)} MiB, peak before ${(peakBefore / mebibyte).toFixed(0)} MiB, peak after ${(peakAfter / mebibyte).toFixed(0)} MiB`);
	t.true(peakAfter - rssBefore < 128 * mebibyte, `peak RSS grew by ${((peakAfter - rssBefore) / mebibyte).toFixed(0)} MiB`);
});

test('the same construction under the limit is a real document: the bomb test measures refusal, not a broken file', async t => {
	const small = createDocxBomb(fixture, 1);
	const result = await readDocx(small, {path: 'small-bomb.docx', limits: DEFAULT_CONFIG.extract});
	const text = result.pages[0]!.text;
	t.true(text.startsWith('bomb\n\nbomb'));
	t.is(text.split('\n\n').length, Math.floor(mebibyte / '<w:p><w:r><w:t>bomb</w:t></w:r></w:p>'.length));
	await t.throwsAsync(readDocx(small, {path: 'small-bomb.docx', limits: {...DEFAULT_CONFIG.extract, maxUnzippedBytes: mebibyte}}), {code: 'E_TOO_LARGE'});
});
