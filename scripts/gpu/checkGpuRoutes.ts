/**
 * The GPU check, prepared for a machine with an NVIDIA GPU (not yet run on one; see docs/gpu.md).
 * Per backend route (cuda, cuda-fallback: node-llama-cpp's CUDA 12 build, cuda-local: a CUDA
 * backend built on the machine, vulkan, and the CPU for reference): whether its child-process
 * self-test passes (and why not) and, if it does, on the `1b` synthetic model (generated here, no
 * download), the engine floor's prompt and output tokens per second and `precis run`'s efficiency
 * against that floor at each count of parallel sequences (1.0 = as fast as one sequence of the bare
 * engine; llama.cpp's own batched bench gains about 2.75x from 4 sequences on GPUs, the goal is 2.5x).
 * It needs no registry: only this working tree with its node_modules and Node 20
 * (scripts/gpu/device/ carries both to a machine that has neither).
 * Prints one JSON object on stdout, a line per route on stderr as each ends, and, when OUT is set,
 * writes $OUT/gpu-check-<routes joined by _>.json after every route, so that a run cut short keeps what it measured.
 *
 *   npx tsx scripts/gpu/checkGpuRoutes.ts [routes: cuda,cuda-fallback,vulkan,cpu] [sequences: 1,2,4,8] [documents: 8]
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {getEfficiency, measureFloor, measurePipeline} from '../../bench/sections/measurePipeline.js';
import {verifyGpuBackend, type GpuBackend} from '../../src/engine/verifyGpuBackend.js';
import {getSyntheticModel} from '../../test/helpers/getSyntheticModel.js';
import {createProse} from '../../test/helpers/writeSampleDocuments.js';

type _Route = Exclude<GpuBackend, 'auto'> | 'cpu';

const [routesArg = 'cuda,cuda-fallback,vulkan,cpu', sequencesArg = '1,2,4,8', documentsArg = '8'] = process.argv.slice(2);
const routes = routesArg.split(',') as _Route[];
const sequences = sequencesArg.split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'precis-gpu-check-'));
const model = await getSyntheticModel('1b');
// Documents of about two chunks each: eight are enough calls to keep 8 sequences busy.
const documents = Array.from({length: Number(documentsArg)}, (_, index) => {
	const path = join(work, `document-${index}.txt`);
	writeFileSync(path, createProse(120, 500 + index));
	return path;
});

const rows: object[] = [];
const out = process.env['OUT'] ?? '';
const _report = (): object => ({date: new Date().toISOString(), model, routes: rows});
/** Adds a route's row and writes the report so far. */
const _record = (row: object): void => {
	rows.push(row);
	process.stderr.write(`${JSON.stringify(row)}\n`);
	if (out === '') return;
	mkdirSync(out, {recursive: true});
	writeFileSync(join(out, `gpu-check-${routes.join('_')}.json`), `${JSON.stringify(_report(), null, 2)}\n`);
};
for (const route of routes) {
	const verdict = route === 'cpu' ? {ok: true as const, backend: false as const} : await verifyGpuBackend(route, 300_000);
	if (!verdict.ok || (route !== 'cpu' && verdict.backend === false)) {
		_record({route, ran: false, reason: verdict.ok ? 'ran on the CPU' : verdict.detail});
		continue;
	}
	process.env['PRECIS_BENCH_GPU'] = route;
	const pipelineFile = join(work, `${route}.yaml`);
	const gpu = route === 'cpu' ? 'false' : route.startsWith('cuda') ? 'cuda' : route;
	// OCR off: the documents are text, and the device bundle leaves out Tesseract's language data.
	writeFileSync(pipelineFile, `extends: ${join(process.cwd(), 'bench', 'pipelines', '1b-cores.yaml')}\nname: gpu-check-${route}\nengine:\n  gpu: ${gpu}\nextract:\n  ocr:\n    mode: off\n`);
	const floor = await measureFloor(model, pipelineFile, 3);
	const parallel = [];
	for (const count of sequences) {
		const run = await measurePipeline(model, pipelineFile, join(work, `${route}-p${count}.db`), count, documents);
		parallel.push({sequences: count, runSeconds: run.runSeconds, documents: run.documents, calls: run.calls, efficiency: getEfficiency(floor, run, run.runSeconds)});
	}
	_record({route, ran: true, promptTokensPerSecond: Math.round(floor.promptTokensPerSecond), outputTokensPerSecond: Math.round(floor.outputTokensPerSecond), parallel});
}

process.stdout.write(`${JSON.stringify(_report())}\n`);
