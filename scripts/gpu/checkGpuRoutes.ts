/**
 * The GPU check, prepared for a machine with an NVIDIA GPU (not yet run on one; see docs/gpu.md).
 * Per backend route (cuda, cuda-fallback: node-llama-cpp's CUDA 12 build, vulkan, and the CPU for
 * reference): whether its child-process self-test passes and, if it does, on the `1b` synthetic
 * model (generated here, no download), the engine floor's prompt and output tokens per second and
 * `precis run`'s efficiency against that floor at 1, 2, 4 and 8 parallel sequences (1.0 = as fast
 * as one sequence of the bare engine; llama.cpp's own batched bench gains about 2.75x from 4
 * sequences on GPUs, the goal is 2.5x). It needs no registry: only this working tree with its
 * node_modules (node-llama-cpp and its CUDA packages) and Node 20.
 * Prints one JSON object on stdout (also written to $OUT/gpu-check.json when OUT is set) and a
 * table on stderr.
 *
 *   npx tsx scripts/gpu/checkGpuRoutes.ts [cuda,cuda-fallback,vulkan,cpu]
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {getEfficiency, measureFloor, measurePipeline} from '../../bench/sections/measurePipeline.js';
import {verifyGpuBackend, type GpuBackend} from '../../src/engine/verifyGpuBackend.js';
import {getSyntheticModel} from '../../test/helpers/getSyntheticModel.js';
import {createProse} from '../../test/helpers/writeSampleDocuments.js';

type _Route = Exclude<GpuBackend, 'auto'> | 'cpu';

const routes = (process.argv[2] ?? 'cuda,cuda-fallback,vulkan,cpu').split(',') as _Route[];
const sequences = [1, 2, 4, 8];
const work = mkdtempSync(join(tmpdir(), 'precis-gpu-check-'));
const model = await getSyntheticModel('1b');
// Eight documents of about two chunks each: enough calls to keep 8 sequences busy.
const documents = Array.from({length: 8}, (_, index) => {
	const path = join(work, `document-${index}.txt`);
	writeFileSync(path, createProse(120, 500 + index));
	return path;
});

const rows: object[] = [];
for (const route of routes) {
	const verdict = route === 'cpu' ? {ok: true as const, backend: false as const} : await verifyGpuBackend(route, 300_000);
	if (!verdict.ok || (route !== 'cpu' && verdict.backend === false)) {
		rows.push({route, ran: false, reason: verdict.ok ? 'ran on the CPU' : verdict.detail});
		continue;
	}
	process.env['PRECIS_BENCH_GPU'] = route;
	const pipelineFile = join(work, `${route}.yaml`);
	const gpu = route === 'cpu' ? 'false' : route === 'cuda-fallback' ? 'cuda' : route;
	writeFileSync(pipelineFile, `extends: ${join(process.cwd(), 'bench', 'pipelines', '1b-cores.yaml')}\nname: gpu-check-${route}\nengine:\n  gpu: ${gpu}\n`);
	const floor = await measureFloor(model, pipelineFile, 3);
	const parallel = [];
	for (const count of sequences) {
		const run = await measurePipeline(model, pipelineFile, join(work, `${route}-p${count}.db`), count, documents);
		parallel.push({sequences: count, runSeconds: run.runSeconds, documents: run.documents, calls: run.calls, efficiency: getEfficiency(floor, run, run.runSeconds)});
	}
	rows.push({route, ran: true, promptTokensPerSecond: Math.round(floor.promptTokensPerSecond), outputTokensPerSecond: Math.round(floor.outputTokensPerSecond), parallel});
}

const report = {date: new Date().toISOString(), model, routes: rows};
process.stdout.write(`${JSON.stringify(report)}\n`);
for (const row of rows) process.stderr.write(`${JSON.stringify(row)}\n`);
const out = process.env['OUT'];
if (out !== undefined && out !== '') {
	mkdirSync(out, {recursive: true});
	writeFileSync(join(out, 'gpu-check.json'), `${JSON.stringify(report, null, 2)}\n`);
}
