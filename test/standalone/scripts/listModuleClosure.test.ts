import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {getBundleRoots, isLeftOutOfBundle} from '../../../scripts/gpu/device/deviceBundleContents.js';
import {listModuleClosure} from '../../../scripts/gpu/device/listModuleClosure.js';

/** A flat node_modules folder of packages with the given dependencies. */
async function writeNodeModules(packages: Record<string, {dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>}>): Promise<string> {
	const folder = await mkdtemp(join(tmpdir(), 'precis-closure-'));
	for (const [name, manifest] of Object.entries(packages)) {
		await mkdir(join(folder, name), {recursive: true});
		await writeFile(join(folder, name, 'package.json'), JSON.stringify({name, ...manifest}));
	}
	return folder;
}

test('the closure follows dependencies and installed optional ones, skips what is left out or not installed, and names a missing root', async t => {
	const folder = await writeNodeModules({
		app: {dependencies: {lib: '1'}, optionalDependencies: {'@bin/linux': '1', '@bin/win': '1', '@bin/other': '1'}},
		lib: {dependencies: {leaf: '1', app: '1'}},
		leaf: {},
		'@bin/linux': {},
		'@bin/other': {dependencies: {leaf: '1'}},
		unrelated: {},
	});
	t.teardown(() => rm(folder, {recursive: true, force: true}));
	t.deepEqual(listModuleClosure(folder, ['app'], name => name === '@bin/other'), ['@bin/linux', 'app', 'leaf', 'lib']);
	t.throws(() => listModuleClosure(folder, ['app', 'absent']), {message: /^absent is not installed in .+: run npm ci first$/});
});

test('the device bundle carries node-llama-cpp with its CPU and CUDA builds, the sqlite addon and tsx, and no PDF renderer or OCR data', t => {
	const roots = getBundleRoots(true);
	const packages = listModuleClosure('node_modules', roots, name => isLeftOutOfBundle(name, roots));
	for (const name of ['node-llama-cpp', 'lifecycle-utils', '@node-llama-cpp/linux-x64', '@node-llama-cpp/linux-x64-cuda', '@node-llama-cpp/linux-x64-vulkan', 'better-sqlite3', 'bindings', 'tsx', '@esbuild/linux-x64', 'pdfjs-dist', 'p-queue']) {
		t.true(packages.includes(name), name);
	}
	for (const name of ['@node-llama-cpp/linux-x64-cuda-ext', '@node-llama-cpp/linux-arm64', '@napi-rs/canvas', 'tesseract.js-core', '@tesseract.js-data/eng', 'ava', 'typescript']) {
		t.false(packages.includes(name), name);
	}
	t.false(listModuleClosure('node_modules', getBundleRoots(false), name => isLeftOutOfBundle(name, getBundleRoots(false))).includes('@node-llama-cpp/linux-x64-vulkan'));
});
