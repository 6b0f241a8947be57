import {getLoad} from '../lib/getMachineInfo.js';
import {runScript} from '../lib/runScript.js';

interface _Counts {
	calls: number;
	promptTokens: number;
	/** The sum of the calls' output limits. */
	outputBound: number;
}

/** One document's counts; each way includes the summary's calls. */
interface _DocumentCounts {
	path: string;
	documentTokens: number;
	/** Where the fields rode: on the single call, on the map calls, or nowhere (then riding = separate). */
	ride: 'whole' | 'map' | 'none';
	/** The summary alone. */
	summary: _Counts;
	/** Fields riding on the summary calls (what precis does). */
	riding: _Counts;
	/** The summary, and all fields in calls of their own. */
	separate: _Counts;
	/** The summary, and one call per field: the figure to beat. */
	perField: _Counts;
}

export interface FieldsResult {
	load: number;
	fields: number;
	contextSize: number;
	maxOutputTokens: number;
	documents: _DocumentCounts[];
	/** Over all documents. */
	summary: _Counts;
	riding: _Counts;
	separate: _Counts;
	perField: _Counts;
}

/** Model calls and prompt tokens of summarizing the bench documents with a field set: fields riding on the summary calls, in calls of their own, one call per field. */
export async function measureFields(model: string, pipelineFile: string, documents: readonly string[]): Promise<FieldsResult> {
	const load = getLoad();
	const {output} = await runScript<Pick<FieldsResult, 'fields' | 'contextSize' | 'maxOutputTokens' | 'documents'>>('countFieldCalls.ts', [pipelineFile, model, ...documents]);
	const sum = (pick: (document: _DocumentCounts) => _Counts): _Counts => ({
		calls: output.documents.reduce((total, document) => total + pick(document).calls, 0),
		promptTokens: output.documents.reduce((total, document) => total + pick(document).promptTokens, 0),
		outputBound: output.documents.reduce((total, document) => total + pick(document).outputBound, 0),
	});
	return {
		load, ...output,
		summary: sum(document => document.summary), riding: sum(document => document.riding),
		separate: sum(document => document.separate), perField: sum(document => document.perField),
	};
}
