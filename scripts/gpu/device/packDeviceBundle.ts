/**
 * Packs what the GPU check (runDeviceCheck.sh) needs on a device machine that has no Node.js and no
 * registry into `.device-bundle/` (git-ignored; carried to the machine by the `run` tool), as xz
 * tarballs that the machine's python3 can unpack (`python3 -m tarfile -e`):
 *
 * - `node.tar.xz`: this machine's `node` binary (process.execPath);
 * - `modules.tar.xz`: the node_modules the check loads (deviceBundleContents.ts, listModuleClosure),
 *   without what it never reads (node-llama-cpp's 35 MB llama.cpp git bundle, its binaries for other
 *   platforms, the main prebuilt libggml-cuda.so, OCR and PDF-rendering natives, sources, maps and
 *   type declarations);
 * - `ggml-src.tar.xz`: ggml's sources from the exact llama.cpp commit node-llama-cpp's prebuilt
 *   binaries were built from (its `llama/gitRelease.bundle`), only the parts a CUDA backend build
 *   reads, so that a libggml-cuda.so built on the machine matches the prebuilt libggml-base.so;
 * - `gl/`: with the Vulkan route, the Vulkan loader and GL dispatch packages the device notes name
 *   (Debian's, fetched here with `apt-get download`), which the device image lacks;
 * - `manifest.json`: node version, llama.cpp commit and the size of each part.
 *
 * Prints the size of each part and fails when the whole exceeds the device's budget.
 *
 *   npx tsx scripts/gpu/device/packDeviceBundle.ts [--no-vulkan]
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync, type Dirent} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleExcludes, getBundleRoots, isLeftOutOfBundle} from './deviceBundleContents.js';
import {listModuleClosure} from './listModuleClosure.js';

/** The device takes 64 MiB with the working tree (about 3 MB): the bundle keeps 4 MiB clear of it. */
const bundleLimitBytes = 60 * 1024 * 1024;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const nodeModules = realpathSync(join(repoRoot, 'node_modules'));
const out = join(repoRoot, '.device-bundle');
const withVulkan = !process.argv.includes('--no-vulkan');

/** A standalone ggml build with only the CUDA backend reads ggml/ without the other backends' folders. */
const _isOtherBackend = (entry: Dirent): boolean => entry.isDirectory() && entry.name.startsWith('ggml-') && entry.name !== 'ggml-cuda';

rmSync(out, {recursive: true, force: true});
mkdirSync(out);
const sizes: Record<string, number> = {};
sizes['node.tar.xz'] = _packTar('node.tar.xz', dirname(process.execPath), [basename(process.execPath)], []);
const roots = getBundleRoots(withVulkan);
const packages = listModuleClosure(nodeModules, roots, name => isLeftOutOfBundle(name, roots));
sizes['modules.tar.xz'] = _packTar('modules.tar.xz', dirname(nodeModules), packages.map(name => join(basename(nodeModules), name)), bundleExcludes);
const commit = _packGgmlSource('ggml-src.tar.xz');
if (withVulkan) sizes['gl'] = _downloadDebs('gl', ['libvulkan1', 'libegl1', 'libglvnd0', 'libopengl0', 'libgl1', 'libglx0', 'libgles2']);
const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({node: process.version, llamaCppCommit: commit, vulkan: withVulkan, packages, sizes, total}, null, 2)}\n`);
for (const [part, size] of Object.entries(sizes)) process.stdout.write(`${part.padEnd(16)} ${(size / 2 ** 20).toFixed(1).padStart(6)} MiB\n`);
process.stdout.write(`${'total'.padEnd(16)} ${(total / 2 ** 20).toFixed(1).padStart(6)} MiB (limit ${bundleLimitBytes / 2 ** 20} MiB), ${packages.length} packages\n`);
if (total > bundleLimitBytes) {
	process.stderr.write(`packDeviceBundle: the bundle is over its limit: pack with --no-vulkan or leave out more\n`);
	process.exitCode = 1;
}

/** Writes `.device-bundle/<name>`: `paths` under `cwd`, xz -9 on one thread (its 64 MiB window also dedupes node-llama-cpp's identical CPU backends). */
function _packTar(name: string, cwd: string, paths: readonly string[], exclude: readonly string[]): number {
	const file = join(out, name);
	execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', ...exclude.map(pattern => `--exclude=${pattern}`), '-C', cwd, '-cf', file.replace(/\.xz$/, ''), ...paths], {stdio: 'inherit'});
	execFileSync('xz', ['-9', '-T1', '-f', file.replace(/\.xz$/, '')], {stdio: 'inherit'});
	return statSync(file).size;
}

/** Downloads Debian packages into `.device-bundle/<folder>` and returns their total size. */
function _downloadDebs(folder: string, names: readonly string[]): number {
	const target = join(out, folder);
	mkdirSync(target);
	execFileSync('apt-get', ['download', ...names], {cwd: target, stdio: ['ignore', 'ignore', 'inherit']});
	return readdirSync(target).reduce((sum, name) => sum + statSync(join(target, name)).size, 0);
}

/** Packs ggml's sources from node-llama-cpp's git bundle (its llama.cpp release) and returns that commit. */
function _packGgmlSource(name: string): string {
	const bundle = join(nodeModules, 'node-llama-cpp', 'llama', 'gitRelease.bundle');
	const work = mkdtempSync(join(tmpdir(), 'precis-ggml-'));
	try {
		const git = (...args: string[]): string => execFileSync('git', ['-C', work, ...args], {encoding: 'utf8'}).trim();
		git('init', '-q');
		git('fetch', '-q', bundle, 'HEAD');
		const commit = git('rev-parse', 'FETCH_HEAD');
		git('checkout', '-q', 'FETCH_HEAD', '--', 'ggml', 'LICENSE');
		const backends = join(work, 'ggml', 'src');
		for (const entry of readdirSync(backends, {withFileTypes: true}).filter(_isOtherBackend)) rmSync(join(backends, entry.name), {recursive: true});
		// Record which release this is: the device script prints it next to the build.
		writeFileSync(join(work, 'ggml', 'LLAMA_CPP_RELEASE'), `${readFileSync(join(nodeModules, 'node-llama-cpp', 'llama', 'binariesGithubRelease.json'), 'utf8').trim()}\n${commit}\n`);
		sizes[name] = _packTar(name, work, ['ggml', 'LICENSE'], []);
		return commit;
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}
