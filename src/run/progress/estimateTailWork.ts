import type {Work} from './Work.js';

export interface TailPlan {
	reduceBudget: number;
	collapseBudget: number;
	templateTokens: number;
	maxDepth: number;
}

/**
 * The calls still ahead of a document whose `partials` partial summaries of about `outputTokens`
 * tokens each are not yet reduced: collapse levels while they do not fit one reduce prompt, then the
 * reduce. Mirrors the summarizer's rule (a level must shrink, at most `maxDepth` levels).
 */
export function estimateTailWork(partials: number, outputTokens: number, levelsDone: number, plan: TailPlan): Work {
	const work: Work = {calls: 0, prompt: 0, output: 0};
	let count = partials;
	for (let level = levelsDone; ; level++) {
		const tokens = count * outputTokens;
		const groups = Math.ceil(tokens / Math.max(plan.collapseBudget, 1));
		if (tokens <= plan.reduceBudget || count <= 1 || level >= plan.maxDepth || groups >= count) {
			return {calls: work.calls + 1, prompt: work.prompt + Math.min(tokens, plan.reduceBudget) + plan.templateTokens, output: work.output + outputTokens};
		}
		work.calls += groups;
		work.prompt += tokens + groups * plan.templateTokens;
		work.output += groups * outputTokens;
		count = groups;
	}
}
