/**
 * Times one progress snapshot of a run with many documents waiting (the terminal takes one per
 * event and per second, the store every 2 s): 9,000 discovered files of two kinds, four planned.
 * Usage: npx tsx scripts/timeProgressSnapshot.ts [documents, default 9000]
 */
import {ProgressModel} from '../src/run/progress/ProgressModel.js';

const documents = Number(process.argv[2] ?? 9000);
const model = new ProgressModel();
model.apply({type: 'discovered', total: documents, documents: Array.from({length: documents}, (_, index) => ({path: `in/d${index}.${index % 3 === 0 ? 'txt' : 'pdf'}`, bytes: 1000 + index}))}, 0);
for (let index = 0; index < 4; index++) {
	const path = `in/d${index * 3}.txt`;
	model.apply({type: 'document-started', path, bytes: 1000}, 0);
	model.apply({type: 'document-planned', path, mapCalls: 10, promptTokens: 10_000, maxOutputTokens: 200, reduceBudget: 1500, collapseBudget: 1400, templateTokens: 100, maxDepth: 3}, 0);
}
const rounds = 100;
const started = performance.now();
for (let round = 0; round < rounds; round++) model.snapshot(round * 1000);
console.log(`one snapshot with ${documents} documents waiting: ${((performance.now() - started) / rounds).toFixed(2)} ms`);
