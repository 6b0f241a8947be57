import test from 'ava';
import {ThroughputMeter} from '../../../src/run/progress/ThroughputMeter.js';

test('the cost of an output token relative to a prompt token is fitted to the calls\' durations', t => {
	const meter = new ThroughputMeter();
	t.is(meter.outputWeight(1), 1, 'no calls: the fallback');
	// 1 ms per prompt token, 20 ms per output token.
	const calls = [[1000, 50], [400, 200], [800, 10], [200, 120]] as const;
	let end = 0;
	for (const [promptTokens, outputTokens] of calls) {
		const durationMs = promptTokens + 20 * outputTokens;
		end += durationMs;
		meter.record({end, durationMs, promptTokens, outputTokens});
	}
	t.is(Math.round(meter.outputWeight(1)), 20);
});

test('calls that do not tell prompt and output apart keep the fallback weight', t => {
	const meter = new ThroughputMeter();
	for (let call = 1; call <= 5; call++) meter.record({end: call * 1000, durationMs: 1000, promptTokens: 900, outputTokens: 100});
	t.is(meter.outputWeight(3), 3);
});

test('throughput counts wall time from the first call\'s start, so parallel calls add up', t => {
	const meter = new ThroughputMeter();
	t.is(meter.rate(0, 1), undefined);
	// Two calls of 10 s side by side, then two more.
	for (const end of [10_000, 10_000, 20_000, 20_000]) meter.record({end, durationMs: 10_000, promptTokens: 90, outputTokens: 10});
	t.like(meter.rate(20_000, 1), {work: 20, outputTokens: 2, calls: 4, seconds: 20});
	meter.restart();
	t.is(meter.rate(30_000, 1), undefined);
});
