import test from 'ava';
import {extractFacts} from '../../../src/verify/extractFacts.js';
import {indexSource} from '../../../src/verify/indexSource.js';
import {splitStatements} from '../../../src/verify/splitStatements.js';
import {verifySummary} from '../../../src/verify/verifySummary.js';

const _options = {supportThreshold: 0.4};

test('statements: sentences, list items and JSON key points, without labels, markers or repeats', t => {
	t.deepEqual(splitStatements('Summary: Sales rose. Costs fell.\n\nKey points:\n- Sales rose.\n2. **Profit** doubled'), ['Sales rose.', 'Costs fell.', 'Profit doubled']);
	t.deepEqual(splitStatements('{"title": "T", "summary": "One. Two.", "key_points": ["Three"]}'), ['One.', 'Two.', 'Three']);
	t.deepEqual(splitStatements('  \n'), []);
});

test('statements: list items of every marker the shared rule knows lose their marker', t => {
	t.deepEqual(splitStatements('Findings:\n+ Sales rose\n(ii) Costs fell\nB. Profit doubled\n(أ) زاد الربح'), ['Sales rose', 'Costs fell', 'Profit doubled', 'زاد الربح']);
});

test('statements keep a name\'s initials and a telephone area code, which read like list markers; a lettered list still loses its markers (fails before: "S." and "(605)" were dropped)', t => {
	for (const summary of ['S. Radhakrishnan chaired the board.', 'I. M. Pei designed the hall.', '(605) 574-2307 is the support line.']) t.deepEqual(splitStatements(summary), [summary]);
	t.deepEqual(splitStatements('Key points:\n- Sales rose.\nS. Radhakrishnan resigned.'), ['Sales rose.', 'S. Radhakrishnan resigned.']);
	t.deepEqual(splitStatements('Findings:\nA. Sales rose\nB. Costs fell'), ['Sales rose', 'Costs fell']);
	t.deepEqual(splitStatements('a) Sales rose\nb. Costs fell'), ['Sales rose', 'Costs fell']);
	// The area code is a fact the checker now sees: an invented one is flagged.
	const result = verifySummary('(605) 574-2307 is the support line on weekdays.', indexSource('Call the support line at (606) 574-2307 on weekdays.'), _options);
	t.deepEqual(result.unsupported_facts.map(fact => fact.text), ['605']);
});

test('facts: names skip sentence-opening common words, a date is not also numbers, a currency code is not a name', t => {
	const facts = extractFacts('However, Maria Gonzalez of the Bank of England paid EUR 5 on 3 March 2024 for "the plan".', () => false);
	t.deepEqual(facts.map(fact => [fact.kind, fact.text]), [
		['quote', 'the plan'], ['date', '3 March 2024'], ['number', 'EUR 5'], ['name', 'Maria Gonzalez'], ['name', 'Bank of England'],
	]);
});

test('a source with pages gives pages; a text without pages gives lines', t => {
	const page1 = 'The orchard grew apples and pears.\n';
	const page2 = 'The river flooded the lower fields in spring.\n';
	const paged = verifySummary('Spring floods hit the lower fields.', indexSource(page1 + page2, [0, page1.length]), _options);
	t.deepEqual(paged.citations.map(citation => [citation.pages, citation.lines]), [[[2], undefined]]);
	const plain = verifySummary('Spring floods hit the lower fields.', indexSource(`${page1}\n\n${page2}`), _options);
	t.deepEqual(plain.citations.map(citation => [citation.pages, citation.lines]), [[[1], [4, 4]]]);
	t.false(plain.needs_review);
});

test('a fact found only in the prompt (the title) is not evidence', t => {
	// The title reaches the model through the prompt; the checker indexes only the document's text.
	const result = verifySummary('The Zenith Annual Review reports that the orchard grew apples.', indexSource('The orchard grew apples and pears.'), _options);
	t.deepEqual(result.unsupported_facts.map(fact => [fact.kind, fact.text]), [['name', 'Zenith Annual Review']]);
	t.true(result.needs_review);
});

test('bad input: an empty summary, another script, a summary of nothing but labels all need review', t => {
	const index = indexSource('The orchard grew apples and pears in 2023.');
	for (const summary of ['', 'Сад вырастил яблоки.', 'Key points:\n']) {
		const result = verifySummary(summary, index, _options);
		t.true(result.needs_review, summary);
		t.true(result.citations.every(citation => citation.support < _options.supportThreshold));
	}
});

test('an empty source gives a result, with every statement unsupported', t => {
	const result = verifySummary('Sales rose 5% in 2023.', indexSource(''), _options);
	t.like(result, {needs_review: true, citations: [{pages: [], support: 0}]});
	t.deepEqual(result.unsupported_facts.map(fact => fact.text), ['5%', '2023']);
});

test('a 5,000-page source gives a result that cites the right page', t => {
	const pages = Array.from({length: 5000}, (_, page) => `Page ${page + 1} records shipment ${page * 7 + 3} of grain to the harbour of Vel${page}ora.\n`);
	const pageStarts = pages.map((_, page) => pages.slice(0, page).join('').length);
	const result = verifySummary('Shipment 29,998 of grain went to the harbour of Vel4285ora.', indexSource(pages.join(''), pageStarts), _options);
	t.like(result, {needs_review: false, unsupported_facts: []});
	t.is(result.citations[0]?.pages[0], 4286);
});
