import test from 'ava';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {discoverFiles} from '../../../src/ingest/discoverFiles.js';
import {globToRegExp} from '../../../src/ingest/globToRegExp.js';
import {createTempDir} from '../../helpers/createTempDir.js';

test('globs: ** spans folders, * stays in one name, patterns without / match at any depth', t => {
	t.true(globToRegExp('**/*.pdf').test('a/b/c.pdf'));
	t.true(globToRegExp('**/*.pdf').test('c.pdf'));
	t.false(globToRegExp('*.pdf').test('a/c.pdf.txt'));
	t.true(globToRegExp('*.pdf').test('a/c.pdf'));
	t.true(globToRegExp('**/~$*').test('x/~$report.docx'));
	t.true(globToRegExp('**/.*').test('.hidden'));
	t.false(globToRegExp('**/.*').test('visible.txt'));
	t.true(globToRegExp('r[0-9].txt').test('r7.txt'));
});

test('folders are walked recursively, skipping temp, hidden and unknown files; explicit files always count', async t => {
	const root = createTempDir(t);
	mkdirSync(join(root, 'sub', '.git'), {recursive: true});
	for (const name of ['a.pdf', 'b.DOCX', 'notes.md', 'README', 'image.png', '~$b.docx', 'x.crdownload', '.secret.txt', 'sub/c.txt', 'sub/.git/config.txt', 'sub/d.part']) {
		writeFileSync(join(root, name), 'text');
	}
	const found = await discoverFiles([root, join(root, 'image.png'), join(root, 'a.pdf')], DEFAULT_CONFIG.discover);
	t.deepEqual(found, ['README', 'a.pdf', 'b.DOCX', 'image.png', 'notes.md', 'sub/c.txt'].map(name => join(root, name)).sort());
});

test('globs expand relative to their folder, and a missing input is a usage error', async t => {
	const root = createTempDir(t);
	mkdirSync(join(root, 'deep', 'er'), {recursive: true});
	writeFileSync(join(root, 'deep', 'er', 'x.txt'), 'x');
	writeFileSync(join(root, 'y.txt'), 'y');
	t.deepEqual(await discoverFiles([`${root}/**/*.txt`], DEFAULT_CONFIG.discover), [join(root, 'deep', 'er', 'x.txt'), join(root, 'y.txt')]);
	await t.throwsAsync(discoverFiles([join(root, 'nope')], DEFAULT_CONFIG.discover), {message: /no such file or folder/});
});
