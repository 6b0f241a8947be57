import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {getModelFingerprint} from '../../../src/engine/getModelFingerprint.js';

test('the fingerprint follows the bytes, not the path', async t => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'precis-fingerprint-'));
	t.teardown(() => fs.rm(dir, {recursive: true, force: true}));
	const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
	const [a, b, header, tail, longer] = ['a', 'b', 'header', 'tail', 'longer'].map(name => path.join(dir, `${name}.gguf`));
	await fs.writeFile(a!, bytes);
	await fs.writeFile(b!, bytes);
	await fs.writeFile(header!, Buffer.concat([Buffer.from([8]), bytes.subarray(1)]));
	await fs.writeFile(tail!, Buffer.concat([bytes.subarray(0, -1), Buffer.from([8])]));
	await fs.writeFile(longer!, Buffer.concat([bytes, Buffer.from([7])]));
	const [fa, fb, fHeader, fTail, fLonger] = await Promise.all([a, b, header, tail, longer].map(file => getModelFingerprint(file!)));
	t.regex(fa!, /^[0-9a-f]{32}$/);
	t.is(fa, fb);
	t.is(new Set([fa, fHeader, fTail, fLonger]).size, 4);
});

test('a file smaller than the sampled ranges is hashed whole', async t => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'precis-fingerprint-'));
	t.teardown(() => fs.rm(dir, {recursive: true, force: true}));
	const [small, other] = [path.join(dir, 'small.gguf'), path.join(dir, 'other.gguf')];
	await fs.writeFile(small, 'GGUF small');
	await fs.writeFile(other, 'GGUF smalL');
	t.not(await getModelFingerprint(small), await getModelFingerprint(other));
});
