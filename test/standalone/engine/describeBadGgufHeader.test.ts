import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {describeBadGgufHeader} from '../../../src/engine/describeBadGgufHeader.js';
import {createTempDir} from '../../helpers/createTempDir.js';
import {getSyntheticModel} from '../../helpers/getSyntheticModel.js';

/** A GGUF header: magic, version, tensor count, metadata count; then `padding` zero bytes. */
function writeHeader(path: string, version: number, tensors: bigint, entries: bigint, padding = 0): string {
	const header = Buffer.alloc(24 + padding);
	header.write('GGUF', 0, 'latin1');
	header.writeUInt32LE(version, 4);
	header.writeBigUInt64LE(tensors, 8);
	header.writeBigUInt64LE(entries, 16);
	writeFileSync(path, header);
	return path;
}

test('a sound model passes', async t => {
	t.is(await describeBadGgufHeader(await getSyntheticModel('tiny')), undefined);
	t.is(await describeBadGgufHeader(writeHeader(join(createTempDir(t), 'empty.gguf'), 3, 0n, 0n)), undefined, 'no tensors, no metadata: llama.cpp judges the rest');
});

test('each way a header is bad is named', async t => {
	const dir = createTempDir(t);
	const file = (name: string, content: string | Buffer): string => {
		writeFileSync(join(dir, name), content);
		return join(dir, name);
	};
	t.regex(await describeBadGgufHeader(file('html.gguf', '<!doctype html><title>404</title>')) ?? '', /does not start with "GGUF"/);
	t.is(await describeBadGgufHeader(file('short.gguf', 'GGUF garbage')), 'it is 12 bytes long, shorter than a GGUF header');
	t.is(await describeBadGgufHeader(writeHeader(join(dir, 'v7.gguf'), 7, 1n, 1n, 100)), 'its header says GGUF version 7; llama.cpp reads versions 2 and 3');
	t.is(await describeBadGgufHeader(writeHeader(join(dir, 'v1.gguf'), 1, 1n, 1n, 100)), 'its header says GGUF version 1; llama.cpp reads versions 2 and 3');
	t.is(await describeBadGgufHeader(writeHeader(join(dir, 'huge.gguf'), 3, 2n ** 40n, 5n, 1000)),
		`its header declares ${2n ** 40n} tensors and 5 metadata entries, more than its 1024 bytes can hold`);
});
