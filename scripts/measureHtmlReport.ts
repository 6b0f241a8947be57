/**
 * `npx tsx scripts/measureHtmlReport.ts [--documents 5000]`: how a large HTML report behaves. Renders
 * that many sample records (test/helpers/createReportRecords.ts), then opens the file in the system's
 * Chromium and prints one JSON object: file size, render time in Node, the page's first contentful
 * paint and load event, and how long a search and a status filter take to show their result.
 */
import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {renderHtmlReport} from '../src/report/renderHtmlReport.js';
import {createReportRecords} from '../test/helpers/createReportRecords.js';
import {findChromium, launchChromium} from '../test/helpers/launchChromium.js';

const {values} = parseArgs({options: {documents: {type: 'string', default: '5000'}}});
const count = Number(values.documents);
const executable = findChromium();
if (executable === undefined) throw new Error('no Chromium found: apt-get install chromium, or set PRECIS_CHROMIUM');
const workDir = mkdtempSync(join(tmpdir(), 'precis-report-measure-'));
const file = join(workDir, 'report.html');
const records = createReportRecords(count);
const renderStart = performance.now();
writeFileSync(file, renderHtmlReport(records, {selection: 'all documents', generatedAt: new Date()}));
const renderMs = performance.now() - renderStart;
const browser = await launchChromium(executable);
try {
	const page = await browser.newPage({viewport: {width: 1366, height: 900}});
	await page.goto(pathToFileURL(file).href, {waitUntil: 'load'});
	// In-page code is passed as text: this project type-checks without the DOM library.
	const timing = await page.evaluate(`(() => {
		const navigation = performance.getEntriesByType('navigation')[0];
		const paint = performance.getEntriesByName('first-contentful-paint')[0];
		return {firstContentfulPaintMs: Math.round(paint ? paint.startTime : -1), loadEventMs: Math.round(navigation.loadEventEnd)};
	})()`) as {firstContentfulPaintMs: number; loadEventMs: number};
	/** Milliseconds from a filter's event to the second frame after the page showed its result. */
	const timeFilter = async (act: string): Promise<number> => page.evaluate(`(async () => {
		const start = performance.now();
		const shown = document.getElementById('shown');
		const changed = new Promise(resolve => new MutationObserver(resolve).observe(shown, {childList: true, characterData: true, subtree: true}));
		${act}
		await changed;
		await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		return Math.round(performance.now() - start);
	})()`);
	const statusMs = await timeFilter('const status = document.getElementById("status"); status.value = "failed"; status.dispatchEvent(new Event("change"));');
	const searchMs = await timeFilter('const box = document.getElementById("search"); box.value = "harbour"; box.dispatchEvent(new Event("input"));');
	const shownText = await page.locator('#shown').textContent();
	process.stdout.write(`${JSON.stringify({
		documents: count, fileBytes: statSync(file).size, renderMs: Math.round(renderMs), ...timing,
		searchMs, searchDebounceMs: count > 500 ? 150 : 0, statusFilterMs: statusMs, shown: shownText, load: loadavg().map(value => value.toFixed(2)).join(' '),
	})}\n`);
} finally {
	await browser.close();
	rmSync(workDir, {recursive: true, force: true});
}
