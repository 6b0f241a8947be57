import {getLoad} from '../lib/getMachineInfo.js';
import {runScript} from '../lib/runScript.js';

interface _Counts {
	calls: number;
	promptTokens: number;
}

export interface FieldsResult {
	load: number;
	fields: number;
	contextSize: number;
	maxOutputTokens: number;
	documents: Array<{path: string; documentTokens: number; allAtOnce: _Counts; perField: _Counts}>;
	/** Over all documents: one call for every field against one call per field. */
	allAtOnce: _Counts;
	perField: _Counts;
}

/** Model calls and prompt tokens of a field set on the bench documents, all fields at once against one call per field. */
export async function measureFields(model: string, pipelineFile: string, documents: readonly string[]): Promise<FieldsResult> {
	const load = getLoad();
	const {output} = await runScript<Omit<FieldsResult, 'load' | 'allAtOnce' | 'perField'>>('countFieldCalls.ts', [pipelineFile, model, ...documents]);
	const sum = (pick: (document: FieldsResult['documents'][number]) => _Counts): _Counts => ({
		calls: output.documents.reduce((total, document) => total + pick(document).calls, 0),
		promptTokens: output.documents.reduce((total, document) => total + pick(document).promptTokens, 0),
	});
	return {load, ...output, allAtOnce: sum(document => document.allAtOnce), perField: sum(document => document.perField)};
}
