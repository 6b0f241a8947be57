import {createHash} from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {SyntheticModelPresetName} from '../../src/engine/synthetic/presets.js';
import {writeSyntheticModel} from '../../src/engine/synthetic/writeSyntheticModel.js';

const _repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const _generatorDir = path.join(_repoRoot, 'src', 'engine', 'synthetic');
/** Git-ignored cache of generated models, shared by all test processes. */
export const syntheticModelsDir = path.join(_repoRoot, '.cache', 'models');

/**
 * Path of the synthetic model for `preset` and `seed`, generated on first use. The file name holds
 * a hash of the generator's sources, so a changed generator never serves a stale model. The writer
 * renames a finished temporary file into place, so concurrent test processes never see half a file.
 */
export async function getSyntheticModel(preset: SyntheticModelPresetName = 'tiny', seed = 1): Promise<string> {
	const modelPath = path.join(syntheticModelsDir, `synthetic-${preset}-seed${seed}-${await _hashGenerator()}.gguf`);
	const exists = await fs.stat(modelPath).then(
		() => true,
		() => false,
	);
	if (!exists) await writeSyntheticModel(modelPath, {preset, seed});
	return modelPath;
}

async function _hashGenerator(): Promise<string> {
	const hash = createHash('sha256');
	for (const name of (await fs.readdir(_generatorDir)).filter(name => name.endsWith('.ts')).sort())
		hash.update(name).update(await fs.readFile(path.join(_generatorDir, name)));
	return hash.digest('hex').slice(0, 12);
}
