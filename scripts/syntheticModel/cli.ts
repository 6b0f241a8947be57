/**
 * Writes a synthetic GGUF model: `npm run synthetic-model -- --out FILE [--preset tiny|1b|3b] [--seed N]`.
 */
import {parseArgs} from 'node:util';
import {syntheticModelPresets, type SyntheticModelPresetName} from '../../src/engine/synthetic/presets.js';
import {writeSyntheticModel} from '../../src/engine/synthetic/writeSyntheticModel.js';

const {values} = parseArgs({
	options: {
		out: {type: 'string'},
		preset: {type: 'string', default: 'tiny'},
		seed: {type: 'string', default: '1'},
	},
	strict: true,
});

const presetNames = Object.keys(syntheticModelPresets);
const seed = Number(values.seed);
if (values.out === undefined || !presetNames.includes(values.preset) || !Number.isInteger(seed) || seed < 0) {
	console.error(`usage: synthetic-model --out FILE [--preset ${presetNames.join('|')}] [--seed N (integer >= 0)]`);
	process.exit(1);
}

const started = performance.now();
const {path, bytes} = await writeSyntheticModel(values.out, {preset: values.preset as SyntheticModelPresetName, seed});
console.log(`wrote ${path} (${(bytes / 1e6).toFixed(1)} MB, preset ${values.preset}, seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
