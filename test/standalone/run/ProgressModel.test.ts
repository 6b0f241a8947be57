import test from 'ava';
import {ProgressModel} from '../../../src/run/progress/ProgressModel.js';
import type {RunEvent} from '../../../src/run/RunEvent.js';
import {formatEta} from '../../../src/cli/progress/formatEta.js';
import {renderProgressLines} from '../../../src/cli/progress/renderProgressLines.js';

/** A plan as the summarizer reports it: `mapCalls` chunks of 900 tokens plus a 100-token template each. */
function plan(path: string, mapCalls: number, budgets: {reduceBudget?: number; collapseBudget?: number} = {}): RunEvent {
	return {
		type: 'document-planned', path, mapCalls, promptTokens: mapCalls * 1000, maxOutputTokens: 200,
		reduceBudget: budgets.reduceBudget ?? 1500, collapseBudget: budgets.collapseBudget ?? 1400, templateTokens: 100, maxDepth: 3,
	};
}

function mapCall(path: string, durationMs: number, outputTokens = 100): RunEvent {
	return {type: 'call-done', path, kind: 'map', level: 0, promptTokens: 1000, cachedPromptTokens: 0, outputTokens, durationMs, cached: false};
}

/** A model driven by events at scripted times (seconds). */
function createScript() {
	const model = new ProgressModel();
	let now = 0;
	return {
		model,
		at: (seconds: number, ...events: RunEvent[]) => {
			now = seconds * 1000;
			for (const event of events) model.apply(event, now);
		},
		snapshot: () => model.snapshot(now),
		render: () => renderProgressLines(model.snapshot(now)),
	};
}

/** Three documents: a.txt planned and mapped three calls in (10 s each), b.txt waiting, c.pdf waiting. */
function startRun() {
	const script = createScript();
	script.at(0, {type: 'run-started', runId: 1}, {type: 'discovered', total: 3, documents: [
		{path: 'in/a.txt', bytes: 100_000}, {path: 'in/b.txt', bytes: 50_000}, {path: 'in/c.pdf', bytes: 20_000},
	]});
	script.at(0, {type: 'document-started', path: 'in/a.txt', bytes: 100_000}, {type: 'document-extracted', path: 'in/a.txt', chars: 100_000, reused: false}, plan('in/a.txt', 10));
	script.at(10, mapCall('in/a.txt', 10_000));
	script.at(20, mapCall('in/a.txt', 10_000));
	script.at(30, mapCall('in/a.txt', 10_000));
	return script;
}

test('no ETA before there is a basis: "estimating…", never 0s', t => {
	const script = createScript();
	script.at(0, {type: 'discovered', total: 2, documents: [{path: 'a.txt', bytes: 1000}, {path: 'b.txt', bytes: 2000}]});
	t.is(script.snapshot().etaSeconds, null);
	t.regex(script.render()[0]!, /ETA estimating…/);
	t.is(script.render()[1], ' documents 0 done, 0 failed, 0 in flight, 2 waiting (of 2)');
	script.at(1, {type: 'document-started', path: 'a.txt', bytes: 1000}, plan('a.txt', 4));
	script.at(5, mapCall('a.txt', 4000));
	script.at(9, mapCall('a.txt', 4000));
	t.is(script.snapshot().etaSeconds, null, 'two measured calls are not a basis yet');
	t.regex(script.render()[0]!, /ETA estimating…/);
});

test('planned work comes from the plan, other documents are estimated from their size, and the ETA from measured throughput', t => {
	const script = startRun();
	const snapshot = script.snapshot();
	// a.txt: 7 map calls of 1000 + 100 left, then one reduce of the 10 partials (1000 tokens fit 1500) + template, output 100.
	const aLeft = 7 * 1100 + 1100 + 100;
	const aTotal = 3 * 1100 + aLeft;
	// b.txt and c.pdf: a.txt's work per byte (no .pdf basis yet: all documents' ratio).
	const remaining = aLeft + aTotal * 0.5 + aTotal * 0.2;
	t.is(snapshot.work.done, 3300);
	t.is(snapshot.work.planned, Math.round(3300 + remaining));
	t.is(snapshot.calls.done, 3);
	t.is(snapshot.calls.planned, 3 + Math.round(8 + 11 * 0.5 + 11 * 0.2));
	t.true(snapshot.estimated);
	// 3300 work units in the 30 s since the first call began.
	t.is(Math.round(snapshot.etaSeconds!), Math.round(remaining / 110));
	const lines = script.render();
	t.is(lines[0], ` work      [####..........................]  15%  calls 3/~19  ETA ${formatEta(remaining / 110)}  10.0 output tok/s`);
	t.is(lines[1], ' documents 0 done, 0 failed, 1 in flight, 2 waiting (of 3)');
	t.is(lines[2], '   a.txt  [####...........] 3/10 chunks');
});

test('one slow call moves the ETA a little, not by its own speed', t => {
	const script = startRun();
	for (let call = 4; call <= 9; call++) script.at(call * 10, mapCall('in/a.txt', 10_000));
	const before = script.snapshot().etaSeconds!;
	// The next call takes three times as long.
	script.at(120, mapCall('in/a.txt', 30_000));
	const after = script.snapshot().etaSeconds!;
	t.true(after > before - 10, `${before} -> ${after}`);
	t.true(after < before * 1.35, `a slow call should not swing the ETA: ${before} -> ${after}`);
});

test('a collapse level added grows the plan and the ETA at once', t => {
	const script = startRun();
	script.at(30, {type: 'document-started', path: 'in/b.txt', bytes: 50_000}, {type: 'document-extracted', path: 'in/b.txt', chars: 50_000, reused: false}, plan('in/b.txt', 4, {reduceBudget: 500, collapseBudget: 500}));
	for (let call = 4; call <= 7; call++) script.at(call * 10, mapCall('in/b.txt', 10_000));
	const before = script.snapshot();
	t.is(script.render()[3], '   b.txt  [###############] 4/4 chunks');
	// 4 partials of 100 tokens fit the 500-token reduce: no collapse was expected; the summarizer adds one anyway.
	script.at(70, {type: 'level-added', path: 'in/b.txt', kind: 'collapse', level: 1, calls: 3});
	const after = script.snapshot();
	t.true(after.calls.planned >= before.calls.planned + 2, `${before.calls.planned} -> ${after.calls.planned}`);
	t.true(after.work.planned > before.work.planned);
	t.true(after.etaSeconds! > before.etaSeconds!, `${before.etaSeconds} -> ${after.etaSeconds}`);
	t.is(script.render()[3], '   b.txt  [...............] collapse level 1: 0/3 calls');
});

test('a failure is counted, and its work left leaves the plan', t => {
	const script = startRun();
	script.at(30, {type: 'document-started', path: 'in/c.pdf', bytes: 20_000});
	t.is(script.render()[3], '   c.pdf  extracting');
	const before = script.snapshot();
	script.at(31, {type: 'document-failed', path: 'in/c.pdf', code: 'E_PARSE_FAILED', message: 'bad xref', retryable: false});
	const after = script.snapshot();
	t.is(script.render()[1], ' documents 0 done, 1 failed, 1 in flight, 1 waiting (of 3)');
	t.true(after.work.planned < before.work.planned);
	t.is(after.lanes.length, 1);
});

test('when every call is done but documents are still being written, the ETA reads <1s, and done once all are done', t => {
	const script = createScript();
	script.at(0, {type: 'discovered', total: 1, documents: [{path: 'a.txt', bytes: 10}]}, {type: 'document-started', path: 'a.txt', bytes: 10}, plan('a.txt', 3));
	for (let call = 1; call <= 3; call++) script.at(call, mapCall('a.txt', 1000));
	script.at(3, {type: 'level-added', path: 'a.txt', kind: 'reduce', level: 1, calls: 1});
	script.at(4, {type: 'call-done', path: 'a.txt', kind: 'reduce', level: 1, promptTokens: 400, cachedPromptTokens: 0, outputTokens: 100, durationMs: 1000, cached: false});
	t.is(script.snapshot().etaSeconds, 0);
	t.regex(script.render()[0]!, /ETA <1s/);
	t.false(script.snapshot().estimated);
	script.at(4, {type: 'document-done', path: 'a.txt', seconds: 4, llmCalls: 4, cacheHits: 0, chunks: 3, collapseLevels: 0, maxPromptTokens: 1000, warnings: []});
	t.regex(script.render()[0]!, / 100% {2}calls 4\/4 {2}done/);
});

test('a watcher shows its queue: queued files wait, an empty queue is idle, and the clock restarts after idling', t => {
	const script = createScript();
	script.at(0, {type: 'run-started', runId: 1}, {type: 'document-queued', path: 'inbox/a.txt'}, {type: 'document-queued', path: 'inbox/a.txt'}, {type: 'document-queued', path: 'inbox/b.txt'});
	t.is(script.render()[1], ' documents 0 done, 0 failed, 0 in flight, 2 waiting (of 2)');
	script.at(0, {type: 'document-skipped', path: 'inbox/b.txt', reason: 'unchanged'});
	script.at(0, {type: 'document-started', path: 'inbox/a.txt', bytes: 10}, plan('inbox/a.txt', 0));
	script.at(5, {type: 'call-done', path: 'inbox/a.txt', kind: 'reduce', level: 0, promptTokens: 400, cachedPromptTokens: 0, outputTokens: 100, durationMs: 5000, cached: false});
	script.at(5, {type: 'document-done', path: 'inbox/a.txt', seconds: 5, llmCalls: 1, cacheHits: 0, chunks: 0, collapseLevels: 0, maxPromptTokens: 400, warnings: []});
	t.regex(script.render()[0]!, /idle, watching for files/);
	t.is(script.render()[1], ' documents 1 done, 0 failed, 0 in flight, 0 waiting, 1 skipped (of 2)');
	// An hour later a file arrives: the idle hour is not counted against the throughput.
	script.at(3605, {type: 'document-queued', path: 'inbox/c.txt'}, {type: 'document-started', path: 'inbox/c.txt', bytes: 10}, plan('inbox/c.txt', 4));
	for (let call = 1; call <= 3; call++) script.at(3605 + call * 5, {...mapCall('inbox/c.txt', 5000), promptTokens: 400} as RunEvent);
	const snapshot = script.snapshot();
	t.true(snapshot.etaSeconds !== null && snapshot.etaSeconds < 60, `ETA ${snapshot.etaSeconds}`);
	t.is(snapshot.calls.done, 3, 'the bar shows the batch under way');
	t.is(snapshot.calls.planned, 5);
});

test('calls answered from the checkpoint store count as done but not as throughput', t => {
	const script = startRun();
	const before = script.snapshot();
	script.at(30, {type: 'call-done', path: 'in/a.txt', kind: 'map', level: 0, promptTokens: 1000, cachedPromptTokens: 1000, outputTokens: 100, durationMs: 0, cached: true});
	const after = script.snapshot();
	t.is(after.calls.done, before.calls.done + 1);
	t.is(after.outputTokensPerSecond, before.outputTokensPerSecond);
	t.true(after.etaSeconds! < before.etaSeconds!);
});

test('formatEta never says 0s and rounds far estimates', t => {
	t.is(formatEta(null), 'estimating…');
	t.is(formatEta(0), '<1s');
	t.is(formatEta(0.4), '<1s');
	t.is(formatEta(59.4), '59s');
	t.is(formatEta(158.5), '2m40s');
	t.is(formatEta(3700), '1h02m');
});
