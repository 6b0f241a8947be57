import test from 'ava';
import {createEvidenceSource, locateEvidence} from '../../../src/fields/locateEvidence.js';
import {normalizeForMatch} from '../../../src/text/normalizeForMatch.js';
import {withNormalizedText} from '../../../src/text/withNormalizedText.js';
import {indexSource} from '../../../src/verify/indexSource.js';

const text = 'The Licensee shall pay EUR 1,200.\n\nThe term ends on 3 March 2025.';
const pageStarts = [0, 35];

test('a document\'s text is normalized once, on first read, and a spread copy (as the field stage gets it) shares the result', t => {
	const document = withNormalizedText({text, pageStarts, title: 'Licence'});
	const first = document.normalized;
	t.deepEqual(first, normalizeForMatch(text));
	t.is(document.normalized, first, 'read again: the same object, not normalized again');
	const copy = {...document, title: 'Another title'};
	t.is(copy.normalized, first);
	t.is(document.title, 'Licence');
});

test('the checker\'s index and the field evidence source use the normalized text they are given, and find the same as without it', t => {
	const {normalized} = withNormalizedText({text});
	t.is(indexSource(text, pageStarts, normalized).normalized, normalized);
	const evidence = createEvidenceSource(text, pageStarts, normalized);
	t.is(evidence.normalized, normalized);
	t.deepEqual(locateEvidence(evidence, 'the term ends on 3 March 2025'), [2]);
	t.deepEqual(indexSource(text, pageStarts).units, indexSource(text, pageStarts, normalized).units);
});
