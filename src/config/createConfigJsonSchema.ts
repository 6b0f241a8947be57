import {z} from 'zod';
import {configSchema} from './schema.js';

/**
 * The JSON Schema of a pipeline file, for editors (yaml-language-server). A file may set any subset
 * of keys, so nothing is required, and it may `extends` another pipeline.
 */
export function createConfigJsonSchema(): Record<string, unknown> {
	const schema = _dropRequired(z.toJSONSchema(configSchema)) as Record<string, unknown>;
	const properties = schema['properties'] as Record<string, unknown>;
	properties['extends'] = {type: 'string', description: 'A pipeline name in pipelines/ or a path to a pipeline file this one builds on.'};
	return {...schema, title: 'precis pipeline'};
}

function _dropRequired(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(_dropRequired);
	if (typeof value !== 'object' || value === null) return value;
	const result: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		if (key !== 'required') result[key] = _dropRequired(inner);
	}
	return result;
}
