import type {PromptKind} from './buildMessages.js';

/**
 * What the summarizer knows of a document's work as it goes, for progress: its plan once chunked
 * (or once it is seen to fit one call), then each level of calls as it is added.
 */
export type SummarizeProgress =
	| {
		type: 'document-planned';
		/** Map calls: one per chunk; 0 when the document fits one call. */
		mapCalls: number;
		/**
		 * Prompt tokens of the first calls: the map calls (the chunks' tokens plus the map template's,
		 * once per chunk), or the single call when the document fits one.
		 */
		promptTokens: number;
		/**
		 * The cap on the output of each first call (the single call, or each map call): the summary's
		 * `maxOutputTokens`, plus the rider's output tokens where one rides on those calls (fields:
		 * docs/fields.md). Collapse and reduce calls after a map stage get the summary's alone.
		 */
		maxOutputTokens: number;
		/** Tokens of partial summaries one reduce prompt takes; more go through collapse levels. */
		reduceBudget: number;
		/** Tokens of partial summaries one collapse call takes. */
		collapseBudget: number;
		/** Tokens of a prompt's template around its text, as collapse and reduce prompts carry it (never with a rider). */
		templateTokens: number;
		/** Collapse levels allowed before the partial summaries are cut. */
		maxDepth: number;
	}
	| {
		type: 'level-added';
		kind: Exclude<PromptKind, 'map'>;
		/** 1 for the first collapse level; the reduce's level is one past the last collapse (0 for a single call). */
		level: number;
		calls: number;
	};
