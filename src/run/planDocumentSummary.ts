import type {Engine} from '../engine/Engine.js';
import type {FieldItem} from '../fields/FieldItem.js';
import {createFieldsRider} from '../fields/extractFields.js';
import type {SummarizeInput} from '../summarize/SummarizeInput.js';
import {planSummaryCalls, type SummaryPlan} from '../summarize/planSummaryCalls.js';
import type {FieldsConfig} from './extractDocumentFields.js';

/**
 * The summary calls a run makes for a document, with the fields and questions `items` riding on
 * them where they fit (see planSummaryCalls): the one plan both a run and `precis chunk` follow.
 */
export function planDocumentSummary(input: SummarizeInput, items: readonly FieldItem[], options: {engine: Pick<Engine, 'contextSize' | 'countPromptTokens' | 'tokenizer'>; config: Pick<FieldsConfig, 'summarize' | 'chunk'>}): SummaryPlan {
	const {engine, config} = options;
	const rider = items.length === 0 ? undefined : createFieldsRider(items, config.summarize);
	return planSummaryCalls(input, {engine, summarize: config.summarize, chunk: config.chunk}, rider);
}
