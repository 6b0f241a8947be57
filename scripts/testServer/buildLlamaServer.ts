import {execFile} from 'node:child_process';
import {closeSync, existsSync, openSync, readFileSync, rmSync, writeSync} from 'node:fs';
import fs from 'node:fs/promises';
import {availableParallelism, homedir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const _execFile = promisify(execFile);
const _repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** llama.cpp's source as node-llama-cpp ships it: a git bundle, so the build needs no network. */
export const llamaCppBundle = path.join(_repoRoot, 'node_modules', 'node-llama-cpp', 'llama', 'gitRelease.bundle');

const _cmakeFlags = [
	'-DGGML_NATIVE=ON', '-DBUILD_SHARED_LIBS=OFF', '-DLLAMA_OPENSSL=OFF', '-DLLAMA_USE_PREBUILT_UI=OFF',
	'-DLLAMA_BUILD_TESTS=OFF', '-DLLAMA_BUILD_EXAMPLES=OFF', '-DLLAMA_BUILD_SERVER=ON', '-DCMAKE_BUILD_TYPE=Release',
];

export interface BuildLlamaServerOptions {
	/** Where builds are cached, one folder per llama.cpp commit. @default $PRECIS_CACHE_DIR or ~/.cache/precis */
	cacheDir?: string;
	/** Progress lines. @default stderr */
	log?: (line: string) => void;
}

/**
 * Path of a `llama-server` built from the llama.cpp commit node-llama-cpp ships, built on first use
 * (about 7.5 min on 2 cores) into `<cacheDir>/llama-server/<commit>/llama-server`, outside the repo.
 * A lock file makes concurrent callers (two test files) wait for one build; a lock whose process
 * died is taken over. Needs git, cmake and a C++ compiler; no network.
 */
export async function buildLlamaServer(options: BuildLlamaServerOptions = {}): Promise<string> {
	const log = options.log ?? (line => process.stderr.write(`[llama-server build] ${line}\n`));
	const commit = await getLlamaCppCommit();
	const folder = path.join(options.cacheDir ?? process.env['PRECIS_CACHE_DIR'] ?? path.join(homedir(), '.cache', 'precis'), 'llama-server', commit);
	const binary = path.join(folder, 'llama-server');
	if (existsSync(binary)) return binary;
	await fs.mkdir(folder, {recursive: true});
	const lock = path.join(folder, 'build.lock');
	for (let waited = 0; !_tryLock(lock); waited++) {
		if (waited % 30 === 0) log(`waiting for another process to build ${binary} (lock ${lock})`);
		await new Promise(resolve => setTimeout(resolve, 2000));
		if (existsSync(binary)) return binary;
	}
	try {
		if (existsSync(binary)) return binary;
		const source = path.join(folder, 'src');
		if (!existsSync(path.join(source, '.git')) || (await _git(source, 'rev-parse', 'HEAD')) !== commit) {
			rmSync(source, {recursive: true, force: true});
			log(`cloning llama.cpp ${commit.slice(0, 7)} from ${llamaCppBundle}`);
			await _execFile('git', ['clone', '--quiet', llamaCppBundle, source]);
			await _git(source, 'checkout', '--quiet', commit);
		}
		const started = performance.now();
		log(`building llama-server in ${source} (several minutes; output in ${path.join(folder, 'build.log')})`);
		const buildLog = path.join(folder, 'build.log');
		await _runLogged('cmake', ['-B', 'build', ..._cmakeFlags], source, buildLog);
		await _runLogged('cmake', ['--build', 'build', '--target', 'llama-server', '-j', String(availableParallelism())], source, buildLog);
		const temporary = `${binary}.${process.pid}.tmp`;
		await fs.copyFile(path.join(source, 'build', 'bin', 'llama-server'), temporary);
		await fs.rename(temporary, binary);
		log(`built ${binary} in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
		return binary;
	} finally {
		rmSync(lock, {force: true});
	}
}

/** The llama.cpp commit in node-llama-cpp's bundle (the cache key). */
export async function getLlamaCppCommit(): Promise<string> {
	const {stdout} = await _execFile('git', ['bundle', 'list-heads', llamaCppBundle]);
	const commit = /^([0-9a-f]{40}) HEAD$/m.exec(stdout)?.[1] ?? /^([0-9a-f]{40}) /m.exec(stdout)?.[1];
	if (commit === undefined) throw new Error(`no commit in ${llamaCppBundle}: reinstall node-llama-cpp`);
	return commit;
}

/** Creates the lock file, or takes over one whose process is gone. */
function _tryLock(lock: string): boolean {
	try {
		const handle = openSync(lock, 'wx');
		writeSync(handle, String(process.pid));
		closeSync(handle);
		return true;
	} catch {
		// A lock just created may still be empty; only a lock naming a dead process is stale.
		const owner = Number(_readOrEmpty(lock).trim());
		if (owner > 0 && !_isAlive(owner)) rmSync(lock, {force: true});
		return false;
	}
}

function _readOrEmpty(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function _isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function _git(cwd: string, ...args: string[]): Promise<string> {
	return (await _execFile('git', args, {cwd})).stdout.trim();
}

/** Runs a build step with its output appended to `logFile`; a failure names the log. */
async function _runLogged(command: string, args: string[], cwd: string, logFile: string): Promise<void> {
	try {
		const {stdout, stderr} = await _execFile(command, args, {cwd, maxBuffer: 256 * 1024 * 1024});
		await fs.appendFile(logFile, stdout + stderr);
	} catch (error) {
		const {stdout = '', stderr = ''} = error as {stdout?: string; stderr?: string};
		await fs.appendFile(logFile, stdout + stderr);
		throw new Error(`${command} ${args.join(' ')} failed in ${cwd}: see ${logFile} (needs cmake and a C++ compiler)`, {cause: error});
	}
}
