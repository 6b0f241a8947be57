import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {ExtractionPool} from '../../../src/ingest/ExtractionPool.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {createProse} from '../../helpers/writeSampleDocuments.js';

/** Pids of this process's extraction processes, from /proc. */
function findExtractionProcesses(): number[] {
	return readdirSync('/proc').filter(name => /^\d+$/.test(name)).flatMap(name => {
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const command = readFileSync(`/proc/${name}/cmdline`, 'utf8');
			return parent === process.pid && command.includes('startExtractionWorker') ? [Number(name)] : [];
		} catch {
			return [];
		}
	});
}

/** Kills the next extraction process that starts while `pool` works on a job, `times` times. */
async function killWorkers(times: number, known: Set<number>): Promise<void> {
	for (let killed = 0; killed < times;) {
		const fresh = findExtractionProcesses().filter(pid => !known.has(pid));
		for (const pid of fresh) {
			known.add(pid);
			process.kill(pid, 'SIGKILL');
			killed++;
		}
		await sleep(5);
	}
}

/** For each of this process's extraction processes, whether it runs V8 without helper threads. */
function readSingleThreaded(): boolean[] {
	return findExtractionProcesses().map(pid => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('--single-threaded'));
}

/** Extracts `count` text files, each handed over once the one before has been dispatched, as `precis run` does; then closes the pool. */
async function extractOneAtATime(t: Parameters<typeof createTempDir>[0], pool: ExtractionPool, count: number): Promise<boolean[]> {
	t.teardown(() => pool.close());
	const folder = createTempDir(t);
	const extracting: Array<Promise<unknown>> = [];
	for (let index = 0; index < count; index++) {
		const file = join(folder, `${index}.txt`);
		writeFileSync(file, createProse(20, index + 1));
		extracting.push(pool.extract(file));
		await sleep(0);
	}
	await Promise.all(extracting);
	const singleThreaded = readSingleThreaded();
	await pool.close();
	return singleThreaded;
}

function createPool(t: Parameters<typeof createTempDir>[0]): ExtractionPool {
	const pool = new ExtractionPool({limits: DEFAULT_CONFIG.extract, timeoutSeconds: 60, maxMemoryMb: 1024, workers: 1});
	t.teardown(() => pool.close());
	return pool;
}

test.serial('an extraction process that dies is replaced and the document read again, not blamed on the file (fails before: E_PARSE_FAILED "the file may be corrupt")', async t => {
	const file = join(createTempDir(t), 'report.txt');
	writeFileSync(file, createProse(20, 1));
	const pool = createPool(t);
	const extracting = pool.extract(file);
	await killWorkers(1, new Set());
	const document = await extracting;
	t.is(document.format, 'text');
	t.true(document.text.length > 100);
});

test.serial('a document whose process dies twice, also in a fresh one, fails with what happened', async t => {
	const file = join(createTempDir(t), 'report.txt');
	writeFileSync(file, createProse(20, 2));
	const pool = createPool(t);
	const extracting = pool.extract(file);
	await killWorkers(2, new Set());
	await t.throwsAsync(extracting, {code: 'E_PARSE_FAILED', message: /crashed its process twice \(signal SIGKILL\), also in a fresh process: the file may be corrupt/});
});

test.serial('a file that vanished is E_FILE_UNREADABLE, saying so', async t => {
	const pool = createPool(t);
	const missing = join(createTempDir(t), 'gone.txt');
	await t.throwsAsync(pool.extract(missing), {code: 'E_FILE_UNREADABLE', message: /ENOENT.*removed or renamed after it was found/});
});

test.serial('a pool with a process per core starts each without V8\'s helper threads (OCR off), though its documents come one at a time (fails before: the first started with them)', async t => {
	const cores = availableParallelism();
	const limits = {...DEFAULT_CONFIG.extract, ocr: {...DEFAULT_CONFIG.extract.ocr, mode: 'off' as const}};
	const perCore = new ExtractionPool({limits, timeoutSeconds: 60, maxMemoryMb: 1024, workers: cores});
	// How many processes start depends on whether one is free when the next document comes; every one is single-threaded.
	const started = await extractOneAtATime(t, perCore, Math.min(cores, 4));
	t.true(started.length >= 1 && started.every(Boolean), JSON.stringify(started));
	// With OCR on, V8's helpers compile Tesseract's WebAssembly: they are kept.
	const ocr = new ExtractionPool({limits: DEFAULT_CONFIG.extract, timeoutSeconds: 60, maxMemoryMb: 1024, workers: cores});
	t.deepEqual(await extractOneAtATime(t, ocr, 1), [false]);
	if (cores > 1) {
		// A pool smaller than the machine leaves a core to the helpers.
		const smaller = new ExtractionPool({limits, timeoutSeconds: 60, maxMemoryMb: 1024, workers: cores - 1});
		t.deepEqual(await extractOneAtATime(t, smaller, 1), [false]);
	} else {
		t.log('one core: no pool is smaller than the machine, so that case is not checked here');
	}
});
