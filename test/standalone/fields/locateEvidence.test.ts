import test from 'ava';
import {createEvidenceSource, locateEvidence} from '../../../src/fields/locateEvidence.js';

test('a quote is found whatever its case, quotes, hyphenation and thousands separators, with the pages it spans', t => {
	const pages = ['Intro page.\n', 'The “Fee” is 12,500 euros, pay-\nable yearly. It ends', ' on 31 May.\n'];
	const source = createEvidenceSource(pages.join(''), [0, pages[0]!.length, pages[0]!.length + pages[1]!.length]);
	t.deepEqual(locateEvidence(source, 'the "fee" is 12500 euros, payable yearly'), [2]);
	t.deepEqual(locateEvidence(source, 'It ends on 31 May'), [2, 3]);
	t.deepEqual(locateEvidence(source, 'payable yearly. It ends on...'), [2, 3], 'a trailing ellipsis is ignored');
	t.is(locateEvidence(source, 'The fee is 13,000 euros'), undefined);
	t.is(locateEvidence(source, '   '), undefined);
});
