import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

/**
 * The packages of a flat node_modules folder that `roots` need at run time: the roots and,
 * recursively, their `dependencies` and the `optionalDependencies` installed here, minus `exclude`
 * (node-llama-cpp's binary packages for other platforms or GPUs, say), sorted by name.
 * A package nested under another one's own node_modules is carried with its parent folder.
 */
export function listModuleClosure(nodeModules: string, roots: readonly string[], exclude: (name: string) => boolean = () => false): string[] {
	const found = new Set<string>();
	const pending = [...roots];
	for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
		if (found.has(name) || exclude(name)) continue;
		const manifest = join(nodeModules, name, 'package.json');
		if (!existsSync(manifest)) {
			if (roots.includes(name)) throw new Error(`${name} is not installed in ${nodeModules}: run npm ci first`);
			continue; // An optional dependency for another platform.
		}
		found.add(name);
		const {dependencies = {}, optionalDependencies = {}} = JSON.parse(readFileSync(manifest, 'utf8')) as {dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>};
		pending.push(...Object.keys(dependencies), ...Object.keys(optionalDependencies));
	}
	return [...found].sort();
}
