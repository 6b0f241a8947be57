/**
 * Measures the checker on fixtures/verify/cases.json: `npx tsx scripts/measureVerification.ts`.
 * Prints the share of injected wrong facts flagged, of correct restated facts wrongly flagged, and
 * of single-page statements whose first cited page is right, with every miss (add --json for one object).
 */
import {DEFAULT_CONFIG} from '../src/config/defaults.js';
import {verifySummary} from '../src/verify/verifySummary.js';
import {loadVerifyCases, scoreCase} from '../test/helpers/verifyCases.js';

const {cases, sources} = await loadVerifyCases();
const totals = {wrong: 0, wrongFlagged: 0, restated: 0, restatedFlagged: 0, unexpectedFlags: 0, statements: 0, pagesRight: 0, reviewExpected: 0, reviewRight: 0};
const misses: string[] = [];
for (const verifyCase of cases) {
	const result = verifySummary(verifyCase.summary, sources.get(verifyCase.source)!, {supportThreshold: DEFAULT_CONFIG.verify.supportThreshold});
	const score = scoreCase(verifyCase, result);
	totals.wrong += score.wrongFlagged.length + score.wrongMissed.length;
	totals.wrongFlagged += score.wrongFlagged.length;
	totals.restated += score.restatedFlagged.length + score.restatedKept.length;
	totals.restatedFlagged += score.restatedFlagged.length;
	totals.unexpectedFlags += score.unexpectedFlags.length;
	totals.statements += score.pagesRight + score.pagesWrong.length;
	totals.pagesRight += score.pagesRight;
	if (verifyCase.needs_review !== undefined) {
		totals.reviewExpected++;
		if (result.needs_review === verifyCase.needs_review) totals.reviewRight++;
		else misses.push(`${verifyCase.id}: needs_review ${result.needs_review}, expected ${verifyCase.needs_review} (${result.citations.map(citation => citation.support).join(', ')})`);
	}
	for (const fact of score.wrongMissed) misses.push(`${verifyCase.id}: wrong fact not flagged: ${fact}`);
	for (const fact of score.restatedFlagged) misses.push(`${verifyCase.id}: correct fact flagged: ${fact}`);
	for (const fact of score.unexpectedFlags) misses.push(`${verifyCase.id}: flagged though not injected: ${fact}`);
	for (const statement of score.pagesWrong) misses.push(`${verifyCase.id}: page ${verifyCase.page} expected: ${statement}`);
}
const share = (part: number, whole: number): string => `${part}/${whole} = ${(100 * part / Math.max(1, whole)).toFixed(1)} %`;
if (process.argv.includes('--json')) {
	process.stdout.write(`${JSON.stringify({cases: cases.length, ...totals, misses})}\n`);
} else {
	process.stdout.write([
		`cases: ${cases.length}`,
		`injected wrong facts flagged: ${share(totals.wrongFlagged, totals.wrong)} (goal >= 95 %)`,
		`correct restated facts wrongly flagged: ${share(totals.restatedFlagged, totals.restated)} (goal <= 5 %)`,
		`other facts flagged though not injected (false alarms beyond the listed facts): ${totals.unexpectedFlags}`,
		`single-page statements whose first cited page is right: ${share(totals.pagesRight, totals.statements)} (goal >= 90 %)`,
		`needs_review as expected: ${share(totals.reviewRight, totals.reviewExpected)}`,
		...misses.map(miss => `  miss: ${miss}`),
	].join('\n') + '\n');
}
