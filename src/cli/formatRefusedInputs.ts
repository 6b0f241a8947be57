import type {Store} from '../store/Store.js';

/** The lines of `precis status` about paths in the input folders that were not read: counts by reason, then the latest. */
export function formatRefusedInputs(refused: ReturnType<Store['getRefusedInputs']>): string[] {
	const counts = Object.entries(refused.byReason);
	if (counts.length === 0) return [];
	const lines = ['', `refused inputs (not read): ${counts.map(([reason, count]) => `${count} ${reason}`).join(', ')}`];
	for (const input of refused.latest) lines.push(`  ${input.message}`);
	return lines;
}
