/**
 * Test helper run as its own process: `node --import tsx claimInChild.ts <db> <staleAfterMs> <start> <path>...`.
 * Opens the store and prints `ready`; on a `go` line from stdin, claims every path as this process,
 * beginning at index `start` and wrapping around, and prints the claimed ones as a JSON array; exits when stdin ends, without releasing anything.
 */
import {hostname} from 'node:os';
import {createInterface} from 'node:readline';
import {openStore} from '../../../src/store/Store.js';

const [database, staleAfterMs, start, ...paths] = process.argv.slice(2);
const store = openStore(database!);
const owner = {host: hostname(), pid: process.pid};
const lines = createInterface({input: process.stdin});
lines.on('line', line => {
	if (line !== 'go') return;
	const rotated = [...paths.slice(Number(start)), ...paths.slice(0, Number(start))];
	const claimed = rotated.filter(file => store.claimDocument(file, owner, Number(staleAfterMs)) !== undefined);
	process.stdout.write(`${JSON.stringify(claimed)}\n`);
});
lines.on('close', () => store.close());
process.stdout.write('ready\n');
