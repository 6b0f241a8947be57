/** An amount of model work: calls, and the prompt and output tokens they take. */
export interface Work {
	calls: number;
	prompt: number;
	output: number;
}

export function addWork(target: Work, added: Work, times = 1): void {
	target.calls += added.calls * times;
	target.prompt += added.prompt * times;
	target.output += added.output * times;
}
