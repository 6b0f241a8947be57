import {basename, extname} from 'node:path';
import type {RunEvent} from '../RunEvent.js';
import {estimateTailWork, type TailPlan} from './estimateTailWork.js';
import type {LaneProgress, ProgressSnapshot} from './ProgressSnapshot.js';
import {ThroughputMeter, type ThroughputMeterOptions} from './ThroughputMeter.js';
import {WaitingDocuments, type WaitingGroup} from './WaitingDocuments.js';
import {addWork, type Work} from './Work.js';

export interface ProgressModelOptions extends ThroughputMeterOptions {
	/** Measured calls (not from the checkpoint store) before an ETA is given. @default 3 */
	minCallsForEta?: number;
}

interface _Level {
	kind: 'map' | 'collapse' | 'reduce';
	level: number;
	calls: number;
	done: number;
	/** Prompt tokens of all the level's calls, as planned. */
	prompt: number;
	/** Output tokens of its calls done. */
	output: number;
}

interface _Document {
	name: string;
	extension: string;
	bytes: number | null;
	chars: number | null;
	plan?: TailPlan & {promptTokens: number};
	levels: _Level[];
	done: Work;
}

/** What finished (or planned) documents took per byte and per character, to estimate those not planned yet. */
interface _SizeBasis {
	documents: number;
	bytes: number;
	chars: number;
	work: Work;
}

/**
 * A run's progress, from its events alone: work done and planned (a document's plan once it is
 * chunked; before that, an estimate from its size and what documents of the same kind took), and
 * an ETA from the throughput this run measured. Pure: the time comes with every call.
 */
export class ProgressModel {
	readonly #meter: ThroughputMeter;
	readonly #minCallsForEta: number;
	readonly #waiting = new WaitingDocuments();
	readonly #active = new Map<string, _Document>();
	readonly #counts = {done: 0, failed: 0, skipped: 0};
	/** Work done in this run (a watcher's: in its batch under way). */
	readonly #done: Work = {calls: 0, prompt: 0, output: 0};
	/** Every call's output so far, for the mean output of a call. */
	readonly #outputs = {calls: 0, tokens: 0};
	/** What finished documents took, by file extension. */
	readonly #finished = new Map<string, _SizeBasis>();
	#outputCap = 0;
	/** No discovery: the documents come from a watcher. */
	#open = true;

	constructor(options: ProgressModelOptions = {}) {
		this.#meter = new ThroughputMeter(options);
		this.#minCallsForEta = options.minCallsForEta ?? 3;
	}

	apply(event: RunEvent, now: number): void {
		switch (event.type) {
			case 'discovered':
				this.#open = false;
				for (const {path, bytes} of event.documents) this.#waiting.add(path, bytes);
				break;
			case 'document-queued':
				if (!this.#active.has(event.path)) this.#waiting.add(event.path, null);
				break;
			case 'document-started':
				this.#waiting.delete(event.path);
				if (this.#active.size === 0 && this.#waiting.size === 0) this.#startStretch();
				this.#active.set(event.path, {
					name: basename(event.path), extension: extname(event.path).toLowerCase(), bytes: event.bytes, chars: null, levels: [], done: {calls: 0, prompt: 0, output: 0},
				});
				break;
			case 'document-extracted': {
				const document = this.#active.get(event.path);
				if (document !== undefined) document.chars = event.chars;
				break;
			}
			case 'document-planned':
				this.#plan(event);
				break;
			case 'level-added':
				this.#addLevel(event);
				break;
			case 'call-done':
				this.#callDone(event, now);
				break;
			case 'document-done':
				this.#finish(event.path, 'done');
				break;
			case 'document-failed':
				this.#finish(event.path, 'failed');
				break;
			case 'document-skipped':
				this.#finish(event.path, 'skipped');
				break;
			case 'run-started':
				break;
		}
	}

	snapshot(now: number): ProgressSnapshot {
		const outputWeight = this.#meter.outputWeight(1);
		const weigh = (work: Work): number => work.prompt + outputWeight * work.output;
		const outputPerCall = this.#outputPerCall();
		const remaining: Work = {calls: 0, prompt: 0, output: 0};
		let estimated = this.#waiting.size > 0;
		const unplanned: _Document[] = [];
		for (const document of this.#active.values()) {
			const left = this.#remainingOf(document, outputPerCall);
			if (left === undefined) unplanned.push(document);
			else addWork(remaining, left);
			estimated ||= document.levels.at(-1)?.kind !== 'reduce';
		}
		const bases = this.#sizeBasis(outputPerCall);
		// Until one document is planned, there is nothing to scale the others' sizes by.
		const sizable = bases.has('');
		if (sizable) {
			for (const document of unplanned) addWork(remaining, _estimateFromSize(document, bases));
			for (const group of this.#waiting.groups()) addWork(remaining, _estimateWaiting(group, bases));
		}

		const rate = this.#meter.rate(now, outputWeight);
		const remainingWork = weigh(remaining);
		const hasBasis = ((unplanned.length === 0 && this.#waiting.size === 0) || sizable) && rate !== undefined && this.#meter.calls >= this.#minCallsForEta && rate.work > 0;
		const {done, failed, skipped} = this.#counts;
		return {
			at: now,
			documents: {total: done + failed + skipped + this.#active.size + this.#waiting.size, done, failed, skipped, inFlight: this.#active.size, waiting: this.#waiting.size},
			open: this.#open,
			calls: {done: this.#done.calls, planned: this.#done.calls + Math.round(remaining.calls)},
			work: {done: Math.round(weigh(this.#done)), planned: Math.round(weigh(this.#done) + remainingWork)},
			estimated,
			etaSeconds: hasBasis ? remainingWork / rate.work : null,
			outputTokensPerSecond: rate === undefined ? null : rate.outputTokens,
			outputWeight,
			lanes: [...this.#active.values()].map(_toLane),
		};
	}

	/**
	 * Work starts after the model was idle (a watcher's new file): time idle is not throughput, and a
	 * watcher's bar shows the batch now under way, not everything since it started.
	 */
	#startStretch(): void {
		this.#meter.restart();
		if (this.#open) Object.assign(this.#done, {calls: 0, prompt: 0, output: 0});
	}

	#plan(event: Extract<RunEvent, {type: 'document-planned'}>): void {
		const document = this.#active.get(event.path);
		this.#outputCap = event.maxOutputTokens;
		if (document === undefined) return;
		document.plan = {reduceBudget: event.reduceBudget, collapseBudget: event.collapseBudget, templateTokens: event.templateTokens, maxDepth: event.maxDepth, promptTokens: event.promptTokens};
		if (event.mapCalls > 0) document.levels.push({kind: 'map', level: 0, calls: event.mapCalls, done: 0, prompt: event.promptTokens, output: 0});
	}

	#addLevel(event: Extract<RunEvent, {type: 'level-added'}>): void {
		const document = this.#active.get(event.path);
		if (document?.plan === undefined) return;
		const previous = document.levels.at(-1);
		const {templateTokens, reduceBudget, promptTokens} = document.plan;
		// A level's prompts hold the previous level's outputs; a reduce's are cut to its budget.
		const prompt = previous === undefined
			? promptTokens
			: (event.kind === 'reduce' ? Math.min(previous.output, reduceBudget) : previous.output) + event.calls * templateTokens;
		document.levels.push({kind: event.kind, level: event.level, calls: event.calls, done: 0, prompt, output: 0});
	}

	#callDone(event: Extract<RunEvent, {type: 'call-done'}>, now: number): void {
		const work: Work = {calls: 1, prompt: event.promptTokens, output: event.outputTokens};
		addWork(this.#done, work);
		this.#outputs.calls++;
		this.#outputs.tokens += event.outputTokens;
		if (!event.cached) this.#meter.record({end: now, durationMs: event.durationMs, promptTokens: event.promptTokens, outputTokens: event.outputTokens});
		const document = this.#active.get(event.path);
		if (document === undefined) return;
		addWork(document.done, work);
		const level = document.levels.findLast(candidate => candidate.kind === event.kind && candidate.level === event.level);
		if (level === undefined) return;
		level.done++;
		level.output += event.outputTokens;
	}

	#finish(path: string, outcome: 'done' | 'failed' | 'skipped'): void {
		this.#counts[outcome]++;
		this.#waiting.delete(path);
		const document = this.#active.get(path);
		this.#active.delete(path);
		if (outcome !== 'done' || document?.plan === undefined || document.done.calls === 0) return;
		const basis = this.#finished.get(document.extension) ?? {documents: 0, bytes: 0, chars: 0, work: {calls: 0, prompt: 0, output: 0}};
		_addToBasis(basis, document, document.done);
		this.#finished.set(document.extension, basis);
	}

	/** The mean output of a call so far; before any, half the cap on a call's output (0 before a plan gives it). */
	#outputPerCall(): number {
		return this.#outputs.calls > 0 ? this.#outputs.tokens / this.#outputs.calls : this.#outputCap / 2;
	}

	/** The work still ahead of a planned document; undefined when it is not planned yet. */
	#remainingOf(document: _Document, outputPerCall: number): Work | undefined {
		if (document.plan === undefined) return undefined;
		const left: Work = {calls: 0, prompt: 0, output: 0};
		for (const level of document.levels) {
			const calls = level.calls - level.done;
			addWork(left, {calls, prompt: calls * level.prompt / level.calls, output: calls * outputPerCall});
		}
		const last = document.levels.at(-1);
		if (last === undefined) addWork(left, {calls: 1, prompt: document.plan.promptTokens, output: outputPerCall});
		else if (last.kind !== 'reduce') addWork(left, estimateTailWork(last.calls, outputPerCall, last.level, document.plan));
		return left;
	}

	/** Work per byte and per character, by extension ('' for all): finished documents, and planned ones in flight at their plan. */
	#sizeBasis(outputPerCall: number): Map<string, _SizeBasis> {
		const bases = new Map<string, _SizeBasis>();
		const add = (extension: string, document: Pick<_Document, 'bytes' | 'chars'>, work: Work, documents = 1): void => {
			for (const key of new Set([extension, ''])) {
				const basis = bases.get(key) ?? {documents: 0, bytes: 0, chars: 0, work: {calls: 0, prompt: 0, output: 0}};
				_addToBasis(basis, document, work, documents);
				bases.set(key, basis);
			}
		};
		for (const [extension, basis] of this.#finished) add(extension, basis, basis.work, basis.documents);
		for (const document of this.#active.values()) {
			const left = this.#remainingOf(document, outputPerCall);
			if (left === undefined) continue;
			addWork(left, document.done);
			add(document.extension, document, left);
		}
		return bases;
	}
}

function _addToBasis(basis: _SizeBasis, document: Pick<_Document, 'bytes' | 'chars'>, work: Work, documents = 1): void {
	basis.documents += documents;
	basis.bytes += document.bytes ?? 0;
	basis.chars += document.chars ?? 0;
	addWork(basis.work, work);
}

/** A document's work, scaled from a basis by its characters, else its bytes (same extension first), else the mean per document. */
function _estimateFromSize(document: Pick<_Document, 'bytes' | 'chars' | 'extension'>, bases: Map<string, _SizeBasis>): Work {
	const byChars = _findBasis(document.extension, bases, basis => basis.chars > 0);
	if (document.chars !== null && byChars !== undefined) return _scale(byChars.work, document.chars / byChars.chars, 1);
	return _estimateWaiting({extension: document.extension, documents: 1, bytes: document.bytes ?? 0, unsized: document.bytes === null ? 1 : 0}, bases);
}

/** Waiting documents' work: those of known size scaled by bytes (same extension first), the others at the mean per document. */
function _estimateWaiting(group: WaitingGroup, bases: Map<string, _SizeBasis>): Work {
	const all = bases.get('')!;
	const byBytes = _findBasis(group.extension, bases, basis => basis.bytes > 0);
	const sized = group.documents - group.unsized;
	const work: Work = {calls: 0, prompt: 0, output: 0};
	if (byBytes === undefined) addWork(work, _scale(all.work, sized / all.documents, sized));
	else addWork(work, _scale(byBytes.work, group.bytes / byBytes.bytes, sized));
	addWork(work, _scale(all.work, group.unsized / all.documents, group.unsized));
	return work;
}

function _findBasis(extension: string, bases: Map<string, _SizeBasis>, usable: (basis: _SizeBasis) => boolean): _SizeBasis | undefined {
	return [bases.get(extension), bases.get('')].find(basis => basis !== undefined && usable(basis));
}

/** `work` times `factor`, and at least one call for each of `documents`. */
function _scale(work: Work, factor: number, documents: number): Work {
	return {calls: Math.max(documents, work.calls * factor), prompt: work.prompt * factor, output: work.output * factor};
}

function _toLane(document: _Document): LaneProgress {
	const {name} = document;
	const last = document.levels.at(-1);
	if (last !== undefined) return {name, phase: last.kind, level: last.kind === 'collapse' ? last.level : 0, done: last.done, total: last.calls};
	if (document.plan !== undefined) return {name, phase: 'reduce', level: 0, done: 0, total: 1};
	return {name, phase: document.chars === null ? 'extracting' : 'chunking', level: 0, done: 0, total: 0};
}
