import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import anyTest, {type ExecutionContext, type TestFn} from 'ava';
import type {Browser, Page} from 'playwright-core';
import {renderHtmlReport} from '../../../src/report/renderHtmlReport.js';
import type {ReportRecord} from '../../../src/report/ReportRecord.js';
import {createReportRecords, HOSTILE_ANSWER, HOSTILE_SUMMARY, HOSTILE_WARNING, OCR_WARNING} from '../../helpers/createReportRecords.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {findChromium, launchChromium} from '../../helpers/launchChromium.js';

/**
 * The HTML report in a real browser: Debian's Chromium through playwright-core. Declared skipped
 * where no Chromium is installed (CI installs it: see .ci/run).
 */
const chromiumPath = findChromium();
const test = (chromiumPath === undefined ? anyTest.skip : anyTest) as TestFn<{browser: Browser}>;

test.before(async t => {
	t.context.browser = await launchChromium(chromiumPath!);
});

test.after.always(async t => {
	await t.context.browser?.close();
});

interface OpenedReport {
	page: Page;
	consoleErrors: string[];
	/** Every request the page made besides loading the report file itself. */
	requests: string[];
}

async function _openReport(t: ExecutionContext<{browser: Browser}>, records: readonly ReportRecord[]): Promise<OpenedReport> {
	const file = join(createTempDir(t), 'report.html');
	writeFileSync(file, renderHtmlReport(records, {selection: 'run 7', generatedAt: new Date('2026-11-27T06:00:00Z')}));
	const url = pathToFileURL(file).href;
	const page = await t.context.browser.newPage();
	t.teardown(async () => page.close());
	const consoleErrors: string[] = [];
	const requests: string[] = [];
	page.on('console', message => { if (message.type() === 'error') consoleErrors.push(message.text()); });
	page.on('pageerror', error => consoleErrors.push(error.message));
	page.on('request', request => { if (request.url() !== url) requests.push(request.url()); });
	await page.goto(url);
	return {page, consoleErrors, requests};
}

async function _visibleTitles(page: Page): Promise<string[]> {
	return page.$$eval('.card:not([hidden]) h3', titles => titles.map(title => title.textContent ?? ''));
}

test('every document has its card, the chart is drawn, and the page makes no request and logs no error', async t => {
	const records = createReportRecords(60);
	const {page, consoleErrors, requests} = await _openReport(t, records);
	t.deepEqual(await _visibleTitles(page), records.map(record => record.title));
	const bars = await page.$$eval('.chart svg rect', rects => rects.map(rect => rect.getBoundingClientRect().height));
	t.is(bars.length, 48);
	t.true(bars.some(height => height > 10), 'the bars have a height on screen');
	t.is(await page.locator('.failures tbody tr').count(), 2, 'one row per error code');
	t.is(await page.locator('.card.failed .fix').count(), records.filter(record => record.status === 'failed').length);
	t.is(await page.locator('.card mark').first().textContent(), '4.2 million', 'unsupported facts are highlighted');
	t.deepEqual(consoleErrors, []);
	t.deepEqual(requests, []);
});

test('a summary holding a script and an event handler is shown as text and never runs', async t => {
	const {page, consoleErrors} = await _openReport(t, createReportRecords(3));
	t.is(await page.evaluate(() => (globalThis as {__precisHacked?: boolean}).__precisHacked), undefined);
	t.is(await page.locator('.card .summary').first().textContent(), HOSTILE_SUMMARY);
	t.is(await page.locator('.card script, .card img').count(), 0);
	t.deepEqual(consoleErrors, []);
});

test('answers show each question with its answer, pages and "not found in the source", as text', async t => {
	const {page, consoleErrors} = await _openReport(t, createReportRecords(1));
	const rows = await page.$$eval('.card .answers tbody tr', trs => trs.map(tr => [...tr.children].map(cell => cell.textContent ?? '')));
	t.deepEqual(rows, [
		['q1. Who approved <em>the</em> budget?', HOSTILE_ANSWER, '3-4'],
		['q2. When is the audit due?', 'By the end of | March 2027 not found in the source', ''],
		['q3. Who objected?', '—', ''],
	]);
	t.is(await page.locator('.card .answers mark').count(), 1);
	t.is(await page.evaluate(() => (globalThis as {__precisHacked?: boolean}).__precisHacked), undefined);
	t.is(await page.locator('.card script, .card img, .card em, .card b').count(), 0);
	t.deepEqual(consoleErrors, []);
});

test('a document\'s warnings show on its card as text, with a badge, a figure and a filter', async t => {
	const records = createReportRecords(60);
	const warned = records.filter(record => (record.warnings?.length ?? 0) > 0);
	const {page, consoleErrors} = await _openReport(t, records);
	t.is(await page.evaluate(() => (globalThis as {__precisHacked?: boolean}).__precisHacked), undefined);
	const second = page.locator('.card').nth(1);
	t.deepEqual(await second.locator('.warnings li').allTextContents(), [OCR_WARNING, HOSTILE_WARNING]);
	t.is(await second.locator('.badge.warned').textContent(), '2 warnings');
	t.is(await page.locator('.card .warnings script, .card .warnings img').count(), 0);
	t.is(await page.locator('.card .warnings').count(), warned.length, 'a card without warnings has no warnings block');
	t.true(await second.locator('.warnings').isVisible());
	t.is(await page.locator('.figures li', {hasText: 'with warnings'}).locator('b').textContent(), String(warned.length));

	await page.check('#warned');
	await t.notThrowsAsync(page.locator('#shown').filter({hasText: `${warned.length} of 60`}).waitFor({timeout: 5000}));
	t.deepEqual(await _visibleTitles(page), warned.map(record => record.title));
	t.deepEqual(consoleErrors, []);
});

test('the search box, the status choice and "needs review" filter the cards', async t => {
	const records = createReportRecords(60);
	const {page, consoleErrors} = await _openReport(t, records);
	const shown = page.locator('#shown');
	await page.fill('#search', 'REPORT-0000');
	await t.notThrowsAsync(shown.filter({hasText: '10 of 60'}).waitFor({timeout: 5000}));
	t.deepEqual(await _visibleTitles(page), records.slice(0, 10).map(record => record.title), 'case-insensitive, in paths too');
	await page.fill('#search', 'report-0003 HARBOUR');
	await t.notThrowsAsync(shown.filter({hasText: '2 of 60'}).waitFor({timeout: 5000}));
	t.deepEqual(await _visibleTitles(page), ['Pipeline report 30', 'Harbour report 33'], 'every word must occur, in the path, title or summary');

	await page.fill('#search', '');
	await page.selectOption('#status', 'failed');
	await t.notThrowsAsync(shown.filter({hasText: `${records.filter(record => record.status === 'failed').length} of 60`}).waitFor({timeout: 5000}));
	t.deepEqual(await _visibleTitles(page), records.filter(record => record.status === 'failed').map(record => record.title));

	await page.selectOption('#status', '');
	await page.check('#review');
	t.deepEqual(await _visibleTitles(page), records.filter(record => record.needs_review === true).map(record => record.title));
	await page.fill('#search', 'no document has this word');
	await t.notThrowsAsync(shown.filter({hasText: '0 of 60'}).waitFor({timeout: 5000}));
	t.deepEqual(await _visibleTitles(page), []);
	t.deepEqual(consoleErrors, []);
});
