/**
 * What a fresh OCR engine costs: CPU time to start one (`OcrEngine.create(['eng'])`), then to read
 * one page on it, then the same page again, for several engines in turn.
 * Usage: npx tsx scripts/measureOcrEngineStart.ts [engines, default 5]
 */
import {readFileSync} from 'node:fs';
import {OcrEngine} from '../src/ingest/ocr/OcrEngine.js';

const engines = Number(process.argv[2] ?? 5);
const page = readFileSync(new URL('../fixtures/ocr/page.png', import.meta.url));

/** CPU milliseconds (user + system) spent by `work`. */
async function measureCpu(work: () => Promise<unknown>): Promise<number> {
	const before = process.cpuUsage();
	await work();
	const spent = process.cpuUsage(before);
	return Math.round((spent.user + spent.system) / 1000);
}

for (let index = 0; index < engines; index++) {
	let engine: OcrEngine | undefined;
	const start = await measureCpu(async () => {
		engine = await OcrEngine.create(['eng']);
	});
	const first = await measureCpu(async () => engine!.recognize(page));
	const again = await measureCpu(async () => engine!.recognize(page));
	await engine!.terminate();
	process.stdout.write(`engine ${index + 1}: start ${start} ms CPU; first page ${first} ms; the same page again ${again} ms\n`);
}
