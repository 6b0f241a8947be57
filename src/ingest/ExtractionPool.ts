import {fork, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import type {ResolvedConfig} from '../config/schema.js';
import {IngestError, InstallationError, type ErrorCode} from '../errors.js';
import type {FileIdentity} from './createInputGuard.js';
import {findOcrLanguageFiles} from './ocr/findOcrLanguageFiles.js';
import type {ExtractLimits, SourceDocument} from './SourceDocument.js';

export interface ExtractionPoolOptions {
	limits: ExtractLimits;
	/** Extraction processes. @default os.availableParallelism() */
	workers?: number;
	/** Time limit for one document, in seconds; the process reading it is killed past it. */
	timeoutSeconds: number;
	/** Resident memory (MiB) a process may reach while reading one document before it is killed. */
	maxMemoryMb: number;
}

/** The options that decide a document's extraction outcome (not how many processes share the work). */
export type ExtractionSettings = Pick<ExtractionPoolOptions, 'limits' | 'timeoutSeconds' | 'maxMemoryMb'>;

export interface ExtractionRequest {
	id: number;
	path: string;
	limits: ExtractLimits;
	/** What the file was when admitted; the worker refuses another file in its place. Absent for a file the user named. */
	identity?: FileIdentity;
}

export type ExtractionReply =
	| {id: number; ok: true; document: SourceDocument}
	| {id: number; ok: false; error: {code: ErrorCode; message: string; retryable: boolean}};

/** What an extraction process sends: once that it started, then a reply per document. */
export type ExtractionMessage = {ready: true} | ExtractionReply;

interface _Job {
	request: ExtractionRequest;
	/** Processes that died under this job: the first crash is retried in a fresh process. */
	crashes: number;
	resolve: (document: SourceDocument) => void;
	reject: (error: IngestError | InstallationError) => void;
}

interface _Worker {
	child: ChildProcess;
	job: _Job | undefined;
	timer: NodeJS.Timeout | undefined;
	/** Whether the process said it started (loaded its modules); until then its stderr is kept. */
	ready: boolean;
	/** The end of what the process wrote to stderr before it was ready. */
	startupStderr: string;
}

/**
 * The child's entry. Compiled (an installed precis), the worker itself. From source, a plain
 * JavaScript starter that loads pdf.js natively, then registers tsx itself for extractionWorker.ts.
 */
const _workerPath = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? 'startExtractionWorker.mjs' : 'extractionWorker.js', import.meta.url));
const _memoryPollMs = 100;
const _startupStderrChars = 4096;

/**
 * Extracts documents in child processes, one document per process at a time, so that both cores
 * are used (pdf.js is single-threaded), a hanging document can be killed (E_TIMEOUT), and a
 * decompression bomb that balloons memory is stopped (E_TOO_LARGE) without harming the run.
 */
export class ExtractionPool {
	readonly #options: ExtractionPoolOptions;
	readonly #size: number;
	readonly #workers = new Set<_Worker>();
	readonly #waiting: _Job[] = [];
	#nextId = 1;
	#closed = false;
	/** Set once processes failed to start twice in a row for one document: every extraction fails with it. */
	#unavailable: InstallationError | undefined;

	/** A pool for the config's `extract` section (limits, time and memory per document, processes); `workers` overrides its process count. */
	static fromConfig({timeoutSeconds, maxMemoryMb, workers, ...limits}: ResolvedConfig['extract'], options: {workers?: number} = {}): ExtractionPool {
		return new ExtractionPool({limits, timeoutSeconds, maxMemoryMb, workers: options.workers ?? workers});
	}

	/** Throws a ConfigError, before any document is read, when an OCR language's data package is not installed. */
	constructor(options: ExtractionPoolOptions) {
		if (options.limits.ocr.mode !== 'off') findOcrLanguageFiles(options.limits.ocr.languages);
		this.#options = options;
		this.#size = Math.max(1, options.workers === undefined || options.workers === 0 ? availableParallelism() : options.workers);
	}

	/** How many documents are extracted at once. */
	get size(): number {
		return this.#size;
	}

	/** The limits a document is read under: a failure they decided may pass once they change. */
	get settings(): ExtractionSettings {
		const {limits, timeoutSeconds, maxMemoryMb} = this.#options;
		return {limits, timeoutSeconds, maxMemoryMb};
	}

	/** Extracts the file at `path`; with `identity` (from {@link createInputGuard}), only if it is still that file. */
	extract(path: string, identity?: FileIdentity): Promise<SourceDocument> {
		if (this.#closed) return Promise.reject(new IngestError('E_INTERRUPTED', path, `not extracting ${path}: precis is shutting down`));
		if (this.#unavailable !== undefined) return Promise.reject(this.#unavailable);
		return new Promise((resolve, reject) => {
			this.#waiting.push({request: {id: this.#nextId++, path, limits: this.#options.limits, ...(identity === undefined ? {} : {identity})}, crashes: 0, resolve, reject});
			this.#dispatch();
		});
	}

	/** Stops every process; jobs not finished are rejected. Safe to call twice. */
	async close(): Promise<void> {
		this.#closed = true;
		for (const job of this.#waiting.splice(0)) job.reject(new IngestError('E_INTERRUPTED', job.request.path, `not extracting ${job.request.path}: precis is shutting down`));
		await Promise.all([...this.#workers].map(worker => this.#stop(worker)));
	}

	async [Symbol.asyncDispose](): Promise<void> {
		await this.close();
	}

	#dispatch(): void {
		while (this.#waiting.length > 0) {
			const idle = [...this.#workers].find(worker => worker.job === undefined) ?? (this.#workers.size < this.#size ? this.#spawn() : undefined);
			if (idle === undefined) return;
			const job = this.#waiting.shift();
			if (job === undefined) return;
			this.#start(idle, job);
		}
	}

	#spawn(): _Worker {
		// A backstop to the memory poll, at the same size: V8 grows a heap capped below 2 GiB more cautiously
		// and collects more often, which cost 5 to 10% more CPU over the corpus PDFs with a 1.5 GiB cap.
		const heapMb = Math.max(256, this.#options.maxMemoryMb);
		const child = fork(_workerPath, [], {
			execArgv: [`--max-old-space-size=${heapMb}`, ...(this.#runsSingleThreaded() ? ['--single-threaded'] : [])],
			stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
			serialization: 'advanced',
		});
		const worker: _Worker = {child, job: undefined, timer: undefined, ready: false, startupStderr: ''};
		child.stderr?.setEncoding('utf8').on('data', (data: string) => {
			if (!worker.ready) worker.startupStderr = (worker.startupStderr + data).slice(-_startupStderrChars);
		});
		child.on('message', (message: ExtractionMessage) => {
			if ('ready' in message) worker.ready = true;
			else this.#settle(worker, message);
		});
		child.on('exit', (code, signal) => this.#onExit(worker, code, signal));
		this.#workers.add(worker);
		return worker;
	}

	/**
	 * Whether the pool's processes run V8 without helper threads: when it has a process per core and
	 * OCR is off. Its processes then keep every core busy whenever it has work for them all, and the
	 * helpers (concurrent collection and compilation) only compete with the other processes: with
	 * `--single-threaded` processes, `precis extract` took 4.56 s instead of 4.84 s (median of 3) over
	 * the 40 corpus PDFs on 2 cores, with 4% less CPU. Decided by the pool's size, not by how many
	 * documents are queued when a process starts: callers hand documents over one at a time
	 * (`precis run` after hashing each, `precis watch` as they arrive), and a process started while the
	 * queue was short kept its helpers for the rest of the run (+13 % CPU over the corpus). A document
	 * read alone pays in time for it: one 352-page PDF took 1.95 s instead of 1.55 s without helpers.
	 * A pool smaller than the machine (one process for `precis chunk`) keeps them, as does OCR, since
	 * V8 compiles and optimizes Tesseract's WebAssembly on them: in one hand measurement (a 2550×3300
	 * page, the 2-core machine shared), OCR with `--single-threaded` took 6.9 s instead of 2.4 s on the
	 * first page and 2.3 s instead of 1.6 s on the next.
	 */
	#runsSingleThreaded(): boolean {
		return this.#options.limits.ocr.mode === 'off' && this.#size >= availableParallelism();
	}

	/**
	 * Hands `job` to `worker` and watches it: past the time limit, or once the process has grown by
	 * more than the memory limit since the job began (what this document costs, not what earlier
	 * documents left in a reused process), the process is killed and the job fails.
	 */
	#start(worker: _Worker, job: _Job): void {
		worker.job = job;
		const startedAt = Date.now();
		const {timeoutSeconds, maxMemoryMb} = this.#options;
		const baselineMb = _readRssMb(worker.child.pid) ?? 0;
		worker.timer = setInterval(() => {
			const path = job.request.path;
			if (Date.now() - startedAt > timeoutSeconds * 1000) {
				this.#fail(worker, new IngestError('E_TIMEOUT', path, `${path} took longer than ${timeoutSeconds} s to extract; raise extract.timeoutSeconds or check the file`));
				return;
			}
			const rssMb = _readRssMb(worker.child.pid);
			if (rssMb !== undefined && rssMb - baselineMb > maxMemoryMb) {
				this.#fail(worker, new IngestError('E_TOO_LARGE', path, `${path} needed more than ${maxMemoryMb} MiB of memory to extract (a decompression bomb?); raise extract.maxMemoryMb if it is genuine`));
			}
		}, _memoryPollMs);
		worker.child.send(job.request);
	}

	#settle(worker: _Worker, reply: ExtractionReply): void {
		const job = worker.job;
		if (job === undefined || job.request.id !== reply.id) return;
		this.#release(worker);
		this.#retireIfBloated(worker);
		if (reply.ok) {
			job.resolve(reply.document);
		} else {
			job.reject(new IngestError(reply.error.code, job.request.path, reply.error.message, {retryable: reply.error.retryable}));
		}
		this.#dispatch();
	}

	/** Kills a worker over its limits; its job fails with `error` and a fresh process takes its place. */
	#fail(worker: _Worker, error: IngestError): void {
		const job = worker.job;
		this.#release(worker);
		this.#workers.delete(worker);
		worker.child.kill('SIGKILL');
		job?.reject(error);
		this.#dispatch();
	}

	#onExit(worker: _Worker, code: number | null, signal: NodeJS.Signals | null): void {
		if (!this.#workers.delete(worker)) return;
		const job = worker.job;
		this.#release(worker);
		if (job !== undefined) {
			job.crashes++;
			if (!worker.ready && signal === null && job.crashes > 1) {
				this.#becomeUnavailable(job, worker, code);
			} else if (job.crashes === 1 && !this.#closed) {
				// The process may have died of what it went through before (memory, a bug): try once more in a fresh one.
				this.#waiting.unshift(job);
			} else {
				const path = job.request.path;
				const how = signal === null ? `exit code ${code ?? '?'}` : `signal ${signal}`;
				job.reject(new IngestError('E_PARSE_FAILED', path, `extracting ${path} crashed its process twice (${how}), also in a fresh process: the file may be corrupt; if it needs more memory, raise extract.maxMemoryMb and run with --retry-failed`, {retryable: false}));
			}
		}
		if (!this.#closed) this.#dispatch();
	}

	/**
	 * Fails `job`, every document waiting and every later one with one InstallationError: a fresh
	 * process exited by itself before it started (a module that failed to load), after the one before
	 * it died too, so none will start, whatever the document. A process killed by a signal is not
	 * taken for this: something outside (a user, the kernel's OOM killer) may have killed it.
	 */
	#becomeUnavailable(job: _Job, worker: _Worker, code: number | null): void {
		const reason = _lastErrorLine(worker.startupStderr);
		this.#unavailable = new InstallationError(`precis's extraction processes could not start (exit code ${code ?? '?'}${reason === undefined ? '' : `: ${reason}`}); its installation is incomplete or broken: reinstall it (npm ci) and run again`);
		for (const waiting of [job, ...this.#waiting.splice(0)]) waiting.reject(this.#unavailable);
	}

	/**
	 * Ends a process that kept more than half the memory limit after its document: the next document
	 * starts in a fresh process rather than inherit a heap near its cap.
	 */
	#retireIfBloated(worker: _Worker): void {
		const rssMb = _readRssMb(worker.child.pid);
		if (rssMb === undefined || rssMb <= this.#options.maxMemoryMb / 2) return;
		this.#workers.delete(worker);
		worker.child.kill('SIGKILL');
	}

	#release(worker: _Worker): void {
		clearInterval(worker.timer);
		worker.timer = undefined;
		worker.job = undefined;
	}

	async #stop(worker: _Worker): Promise<void> {
		this.#workers.delete(worker);
		const job = worker.job;
		this.#release(worker);
		job?.reject(new IngestError('E_INTERRUPTED', job.request.path, `extraction of ${job.request.path} was stopped: precis is shutting down`));
		if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
		await new Promise<void>(resolve => {
			worker.child.once('exit', () => resolve());
			worker.child.kill('SIGKILL');
		});
	}
}

/** The line naming why a process failed to start: its last `...Error: ...` line, else its last line. */
function _lastErrorLine(stderr: string): string | undefined {
	const lines = stderr.split('\n').map(line => line.trim()).filter(line => line !== '');
	return lines.findLast(line => /^\w*Error\b/u.test(line)) ?? lines.at(-1);
}

/** Resident memory of a process in MiB, from /proc (Linux); undefined elsewhere. */
function _readRssMb(pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
		return match?.[1] === undefined ? undefined : Number(match[1]) / 1024;
	} catch {
		return undefined;
	}
}
