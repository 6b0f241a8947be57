import test from 'ava';
import {fileURLToPath} from 'node:url';
import {join} from 'node:path';
import {ExitCode} from '../../../src/cli/ExitCode.js';
import {runPrecis} from '../../helpers/runPrecis.js';

const samples = join(process.cwd(), 'fixtures', 'samples');
const hideCanvas = fileURLToPath(new URL('../../helpers/hideCanvasPackage.cjs', import.meta.url));

interface Extracted {
	path: string;
	pages?: Array<{number: number; text: string}>;
	error?: {code: string; message: string};
}

test('without @napi-rs/canvas (pdf.js cannot load) text and DOCX are still read and each PDF fails with the fix', async t => {
	const files = ['field-report.pdf', 'project-notes.md', 'quarterly-report.docx'].map(name => join(samples, name));
	const result = await runPrecis(['extract', '--json', ...files], {env: {NODE_OPTIONS: `--require=${hideCanvas}`}});
	t.is(result.code, ExitCode.SomeFailed, result.stderr);
	const [pdf, markdown, docx] = result.stdout.trim().split('\n').map(line => JSON.parse(line) as Extracted);
	t.true((markdown?.pages?.[0]?.text.length ?? 0) > 0, JSON.stringify(markdown));
	t.true((docx?.pages?.[0]?.text.length ?? 0) > 0, JSON.stringify(docx));
	t.is(pdf?.error?.code, 'E_CONFIG_INVALID');
	t.true(pdf?.error?.message.startsWith(`${files[0]} was not read: pdf.js could not be loaded`), pdf?.error?.message);
	t.regex(pdf?.error?.message ?? '', /@napi-rs\/canvas/);
	t.notRegex(result.stderr, /\n\s+at /, 'no stack trace');
});
