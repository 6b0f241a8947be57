import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {DEFAULT_CONFIG} from '../../src/config/defaults.js';
import {readDocument} from '../../src/ingest/readDocument.js';
import {indexSource, type SourceIndex} from '../../src/verify/indexSource.js';
import type {VerificationResult} from '../../src/verify/VerificationResult.js';

/** One (source, summary) pair of fixtures/verify/cases.json; see its `about`. */
export interface VerifyCase {
	id: string;
	source: string;
	summary: string;
	wrong?: string[];
	restated?: string[];
	page?: number;
	needs_review?: boolean;
}

export const verifyFixtures = fileURLToPath(new URL('../../fixtures/verify/', import.meta.url));

/** The cases and their sources indexed; `report` is the multi-page PDF, extracted by the real reader. */
export async function loadVerifyCases(): Promise<{cases: VerifyCase[]; sources: Map<string, SourceIndex>}> {
	const file = JSON.parse(readFileSync(`${verifyFixtures}cases.json`, 'utf8')) as {sources: Record<string, string>; cases: VerifyCase[]};
	const sources = new Map(Object.entries(file.sources).map(([name, text]) => [name, indexSource(text)]));
	const {extract: {timeoutSeconds: _t, maxMemoryMb: _m, workers: _w, ...limits}} = DEFAULT_CONFIG;
	const report = await readDocument(`${verifyFixtures}multi-page-report.pdf`, limits);
	sources.set('report', indexSource(report.text, report.pageStarts));
	return {cases: file.cases, sources};
}

/** How a case came out: which injected facts were flagged, which correct ones were, and whether the first cited pages are right. */
export interface CaseScore {
	wrongFlagged: string[];
	wrongMissed: string[];
	restatedFlagged: string[];
	restatedKept: string[];
	/** Unsupported facts the case did not inject: false alarms (a case with no source at all expects none to be listed). */
	unexpectedFlags: string[];
	/** Statements whose first cited page is the case's page / is not. */
	pagesRight: number;
	pagesWrong: string[];
}

export function scoreCase(verifyCase: VerifyCase, result: VerificationResult): CaseScore {
	const flagged = (fact: string): boolean => result.unsupported_facts.some(({text}) => _overlap(text, fact));
	const wrong = verifyCase.wrong ?? [];
	const restated = verifyCase.restated ?? [];
	const citations = verifyCase.page === undefined ? [] : result.citations;
	return {
		wrongFlagged: wrong.filter(flagged),
		wrongMissed: wrong.filter(fact => !flagged(fact)),
		restatedFlagged: restated.filter(flagged),
		restatedKept: restated.filter(fact => !flagged(fact)),
		unexpectedFlags: verifyCase.id.startsWith('no-source') ? [] : result.unsupported_facts.filter(({text}) => !wrong.some(fact => _overlap(text, fact))).map(fact => `${fact.kind}: ${fact.text}`),
		pagesRight: citations.filter(citation => citation.pages[0] === verifyCase.page).length,
		pagesWrong: citations.filter(citation => citation.pages[0] !== verifyCase.page).map(citation => `${citation.text} -> ${citation.pages.join(',') || 'none'}`),
	};
}

function _overlap(found: string, expected: string): boolean {
	const left = found.toLowerCase();
	const right = expected.toLowerCase();
	return left.includes(right) || right.includes(left);
}
