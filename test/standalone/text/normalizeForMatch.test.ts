import test from 'ava';
import {normalizeForMatch} from '../../../src/text/normalizeForMatch.js';

test('folds case, diacritics, compatibility forms, quotes and dashes', t => {
	t.is(normalizeForMatch('Café “Zürich” — ﬁle Ｆ１ ÉCOLE').text, 'cafe "zurich" - file f1 ecole');
});

test('rejoins line-end hyphenation, drops thousands separators, collapses whitespace', t => {
	t.is(normalizeForMatch('infor-\n  mation  of\t4,200,000 and 1\u00a0234 but 1,23 and well-known').text, 'information of 4200000 and 1234 but 1,23 and well-known');
});

test('every normalized character maps back to its original offset', t => {
	const original = '  Zürich ﬁle 4,200';
	const {text, offsets} = normalizeForMatch(original);
	t.is(offsets.length, text.length + 1);
	t.is(original.slice(offsets[text.indexOf('zurich')]!, offsets[text.indexOf('zurich') + 6]!), 'Zürich');
	t.is(original[offsets[text.indexOf('4200')]!], '4');
	t.is(offsets[text.length], original.length);
});
