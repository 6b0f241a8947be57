import {setTimeout as sleep} from 'node:timers/promises';
import test from 'ava';
import {closeOcrEngine, keepOcrEngineUntilExit, useOcrEngine} from '../../../../src/ingest/ocr/useOcrEngine.js';

// A file of its own: the hold lasts as long as the process (AVA runs each file in a process of its own).
test.after.always(() => closeOcrEngine());

test('in a process held until exit (an extraction process), the engine outlives the idle wait', async t => {
	keepOcrEngineUntilExit();
	const first = await useOcrEngine(['eng'], async engine => engine);
	// Longer than the engine's idle wait (1 s).
	await sleep(1500);
	t.is(await useOcrEngine(['eng'], async engine => engine), first);
});
