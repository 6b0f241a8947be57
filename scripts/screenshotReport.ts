/**
 * `npx tsx scripts/screenshotReport.ts [--out DIR] [--documents N]`: renders a sample HTML report
 * (see test/helpers/createReportRecords.ts) and screenshots it in the system's Chromium at a laptop
 * and a phone width, for the docs. Not a test: look at the pictures.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {formatRecords} from '../src/report/formatRecords.js';
import {createReportRecords} from '../test/helpers/createReportRecords.js';
import {findChromium, launchChromium} from '../test/helpers/launchChromium.js';

const {values} = parseArgs({options: {out: {type: 'string', default: 'output/screenshots'}, documents: {type: 'string', default: '24'}}});
const executable = findChromium();
if (executable === undefined) throw new Error('no Chromium found: apt-get install chromium, or set PRECIS_CHROMIUM');
const outDir = resolve(values.out);
mkdirSync(outDir, {recursive: true});
const workDir = mkdtempSync(join(tmpdir(), 'precis-screenshot-'));
const reportFile = join(workDir, 'report.html');
writeFileSync(reportFile, formatRecords(createReportRecords(Number(values.documents)), 'html', {scope: {selection: 'run 42', generatedAt: new Date('2026-11-27T06:00:00Z')}}));
const browser = await launchChromium(executable);
try {
	for (const [name, viewport] of [['laptop', {width: 1366, height: 900}], ['phone', {width: 390, height: 844}]] as const) {
		const page = await browser.newPage({viewport, deviceScaleFactor: name === 'phone' ? 2 : 1});
		await page.goto(pathToFileURL(reportFile).href);
		await page.screenshot({path: join(outDir, `report-${name}.png`)});
		await page.fill('#search', 'water');
		await page.waitForTimeout(300);
		await page.locator('.controls').evaluate(element => element.scrollIntoView());
		await page.screenshot({path: join(outDir, `report-${name}-filtered.png`)});
		await page.close();
	}
	process.stdout.write(`screenshots in ${outDir}\n`);
} finally {
	await browser.close();
	rmSync(workDir, {recursive: true, force: true});
}
