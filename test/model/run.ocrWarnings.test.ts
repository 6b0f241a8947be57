import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {openStore} from '../../src/store/Store.js';
import {createTempDir} from '../helpers/createTempDir.js';
import {getSyntheticModel} from '../helpers/getSyntheticModel.js';
import {runPrecis} from '../helpers/runPrecis.js';

type LogEvent = Record<string, unknown> & {event: string; path?: string; warnings?: string[]};

const fixtures = join(process.cwd(), 'fixtures', 'ocr');

test('a run records the low-confidence warning of an OCRed page with its document, and none for a clean scan; the store keeps what the log said', async t => {
	const work = createTempDir(t);
	const config = join(work, 'p.yaml');
	writeFileSync(config, 'summarize:\n  maxOutputTokens: 16\nengine:\n  threads: 1\n  contextSize: 512\n');
	const model = await getSyntheticModel('tiny');
	const db = join(work, 'p.db');
	const result = await runPrecis(['run', join(fixtures, 'low-confidence.pdf'), join(fixtures, 'scanned.pdf'), '--config', config, '--model', model, '--db', db, '--log-format', 'json'], {cwd: work});
	t.is(result.code, 0, result.stderr);
	const done = result.stderr.split('\n').filter(line => line.startsWith('{')).map(line => JSON.parse(line) as LogEvent).filter(event => event.event === 'done');
	const ocrWarnings = (name: string): string[] => {
		const event = done.find(candidate => candidate.path?.endsWith(name));
		t.truthy(event, `a done event for ${name}`);
		return (event?.warnings ?? []).filter(warning => warning.includes('OCR'));
	};
	const blurred = ocrWarnings('low-confidence.pdf');
	t.is(blurred.length, 1, JSON.stringify(blurred));
	t.regex(blurred[0] ?? '', /^page 2: OCR confidence \d+ is low \(under 60\)/);
	t.deepEqual(ocrWarnings('scanned.pdf'), []);

	using store = openStore(db);
	for (const name of ['low-confidence.pdf', 'scanned.pdf']) {
		const stored = store.getDocument(join(fixtures, name))?.warnings;
		t.true(Array.isArray(stored), `${name} is stored with its warnings`);
		t.deepEqual(stored, done.find(event => event.path?.endsWith(name))?.warnings, `${name}: the stored warnings are those of its done event`);
	}
	t.true(store.getDocument(join(fixtures, 'low-confidence.pdf'))?.warnings?.some(warning => warning.startsWith('page 2: OCR confidence ')));
});
