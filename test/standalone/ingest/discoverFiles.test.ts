import test from 'ava';
import {execFileSync} from 'node:child_process';
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
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
	const {files: found} = await discoverFiles([root, join(root, 'image.png'), join(root, 'a.pdf')], DEFAULT_CONFIG.discover);
	t.deepEqual(found, ['README', 'a.pdf', 'b.DOCX', 'image.png', 'notes.md', 'sub/c.txt'].map(name => join(root, name)).sort());
});

test('globs expand relative to their folder, and a missing input is a usage error', async t => {
	const root = createTempDir(t);
	mkdirSync(join(root, 'deep', 'er'), {recursive: true});
	writeFileSync(join(root, 'deep', 'er', 'x.txt'), 'x');
	writeFileSync(join(root, 'y.txt'), 'y');
	t.deepEqual((await discoverFiles([`${root}/**/*.txt`], DEFAULT_CONFIG.discover)).files, [join(root, 'deep', 'er', 'x.txt'), join(root, 'y.txt')]);
	await t.throwsAsync(discoverFiles([join(root, 'nope')], DEFAULT_CONFIG.discover), {message: /no such file or folder/});
});

/** An inbox with links in and out of it, a link loop, a broken link and a FIFO; `outside` holds what must never be read. */
function createLinkedInbox(t: Parameters<typeof createTempDir>[0]): {inbox: string; outside: string} {
	const root = createTempDir(t);
	const inbox = join(root, 'inbox');
	const outside = join(root, 'outside');
	mkdirSync(join(inbox, 'sub'), {recursive: true});
	mkdirSync(join(outside, 'folder'), {recursive: true});
	writeFileSync(join(inbox, 'a.txt'), 'a');
	writeFileSync(join(inbox, 'sub', 'b.txt'), 'b');
	writeFileSync(join(outside, 'secret.txt'), 'secret');
	writeFileSync(join(outside, 'folder', 'c.txt'), 'c');
	symlinkSync(join(outside, 'secret.txt'), join(inbox, 'report.txt'));
	symlinkSync(join(outside, 'folder'), join(inbox, 'shared'));
	symlinkSync('../a.txt', join(inbox, 'sub', 'again.txt'));
	symlinkSync(join(inbox, 'sub'), join(inbox, 'alias'));
	symlinkSync(inbox, join(inbox, 'sub', 'loop'));
	symlinkSync('missing.txt', join(inbox, 'broken.txt'));
	execFileSync('mkfifo', [join(inbox, 'pipe.txt')]);
	return {inbox, outside};
}

test('followSymlinks inside: links within the inputs are read once by their real path, loops end, links out, broken links and FIFOs are refused', async t => {
	const {inbox, outside} = createLinkedInbox(t);
	const {files, refused} = await discoverFiles([inbox], DEFAULT_CONFIG.discover);
	t.deepEqual(files, [join(inbox, 'a.txt'), join(inbox, 'sub', 'b.txt')]);
	t.deepEqual(refused.map(({path, reason}) => ({path, reason})), [
		{path: join(inbox, 'broken.txt'), reason: 'broken-link'},
		{path: join(inbox, 'pipe.txt'), reason: 'special-file'},
		{path: join(inbox, 'report.txt'), reason: 'outside-inputs'},
		{path: join(inbox, 'shared'), reason: 'outside-inputs'},
	]);
	t.false(refused.some(input => input.message.includes(outside)), 'a refusal names the link, never its target');
});

test('followSymlinks never refuses every link; always follows links out; a file named on the command line is read through its link', async t => {
	const {inbox, outside} = createLinkedInbox(t);
	const never = await discoverFiles([inbox], {...DEFAULT_CONFIG.discover, followSymlinks: 'never'});
	t.deepEqual(never.files, [join(inbox, 'a.txt'), join(inbox, 'sub', 'b.txt')]);
	t.deepEqual(never.refused.filter(input => input.reason === 'symlink-not-followed').map(input => input.path),
		['alias', 'broken.txt', 'report.txt', 'shared', 'sub/again.txt', 'sub/loop'].map(name => join(inbox, name)));
	const always = await discoverFiles([inbox], {...DEFAULT_CONFIG.discover, followSymlinks: 'always'});
	t.deepEqual(always.files, [join(inbox, 'a.txt'), join(inbox, 'sub', 'b.txt'), join(outside, 'folder', 'c.txt'), join(outside, 'secret.txt')].sort());
	const named = await discoverFiles([inbox, join(inbox, 'report.txt')], DEFAULT_CONFIG.discover);
	t.true(named.files.includes(join(inbox, 'report.txt')));
	t.false(named.refused.some(input => input.path === join(inbox, 'report.txt')));
});
