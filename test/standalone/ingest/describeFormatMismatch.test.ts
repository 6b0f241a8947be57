import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {readDocument} from '../../../src/ingest/readDocument.js';
import {createTempDir} from '../../helpers/createTempDir.js';

const page = '<html><body><h1>404 Not Found</h1><p>The requested report could not be found on this server.</p></body></html>';

test('a file read by its content warns when its name promised another format, and only then', async t => {
	const dir = createTempDir(t);
	const read = async (name: string, content: string | Buffer) => {
		const path = join(dir, name);
		writeFileSync(path, content);
		return readDocument(path, DEFAULT_CONFIG.extract);
	};
	const saved = await read('report.pdf', page);
	t.is(saved.format, 'text');
	t.deepEqual(saved.warnings, ['named .pdf but its content is plain text, not a PDF: read as plain text; check the file']);
	const renamed = await read('paper.TXT', readFileSync(join('fixtures', 'pdf', 'running-headers.pdf')));
	t.is(renamed.format, 'pdf');
	t.regex(renamed.warnings[0] ?? '', /^named \.txt but its content is a PDF, not plain text/);
	for (const name of ['notes.md', 'notes.markdown', 'notes', 'notes.log']) t.deepEqual((await read(name, page)).warnings, [], name);
});
