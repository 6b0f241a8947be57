import test from 'ava';
import {DEFAULT_CONFIG} from '../../../src/config/defaults.js';
import {verifySummary} from '../../../src/verify/verifySummary.js';
import {loadVerifyCases, scoreCase} from '../../helpers/verifyCases.js';

const {cases, sources} = await loadVerifyCases();

for (const verifyCase of cases) {
	test(`case ${verifyCase.id}`, t => {
		const result = verifySummary(verifyCase.summary, sources.get(verifyCase.source)!, {supportThreshold: DEFAULT_CONFIG.verify.supportThreshold});
		const score = scoreCase(verifyCase, result);
		t.deepEqual(score.wrongMissed, [], 'every injected wrong fact is listed as unsupported');
		t.deepEqual(score.restatedFlagged, [], 'no correct fact is listed as unsupported');
		t.deepEqual(score.unexpectedFlags, [], 'nothing else is listed as unsupported');
		t.deepEqual(score.pagesWrong, [], 'each statement cites its page first');
		if (verifyCase.page !== undefined) t.true(score.pagesRight > 0);
		if (verifyCase.needs_review !== undefined) t.is(result.needs_review, verifyCase.needs_review);
		for (const fact of result.unsupported_facts) t.true(verifyCase.summary.includes(fact.text) || fact.kind === 'quote', `${fact.text} is quoted from the summary`);
	});
}

test('the fixture set has at least 40 cases of every kind the issue names', t => {
	t.true(cases.length >= 40);
	t.true(cases.filter(verifyCase => (verifyCase.wrong ?? []).length > 0).length >= 15);
	t.true(cases.filter(verifyCase => verifyCase.page !== undefined).length >= 10);
	t.true(cases.filter(verifyCase => verifyCase.id.startsWith('no-source')).length >= 3);
});
