import test from 'ava';
import {toFieldItems} from '../../../src/fields/FieldItem.js';
import {createEvidenceSource} from '../../../src/fields/locateEvidence.js';
import {mergeFieldAnswers} from '../../../src/fields/mergeFieldAnswers.js';
import type {ItemAnswer} from '../../../src/fields/parseFieldsOutput.js';

// Three pages; page 2 holds the fee and the law, page 3 the parties.
const pages = ['The agreement takes effect on 1 March 2024.\n', 'The fee is 12,500 euros. It is governed by the laws of England.\n', 'Signed by Acme Ltd and Widget GmbH.\n'];
const source = createEvidenceSource(pages.join(''), [0, pages[0]!.length, pages[0]!.length + pages[1]!.length]);
const items = toFieldItems([
	{name: 'fee', type: 'number'},
	{name: 'law', type: 'string'},
	{name: 'category', type: 'enum', values: ['contract', 'invoice', 'other']},
	{name: 'parties', type: 'list'},
	{name: 'start', type: 'date'},
], ['Who signed?']);

function part(answers: Record<string, [ItemAnswer['value'], string]>): Map<string, ItemAnswer> {
	return new Map(Object.entries(answers).map(([id, [value, evidence]]) => [id, {value, evidence, warnings: []}]));
}

test('single values: the first supported value wins, an earlier unsupported one and other values are kept as conflicts', t => {
	const merged = mergeFieldAnswers(items, [
		part({fee: [9000, 'the fee is nine thousand']}),
		part({fee: [12_500, 'The fee is 12500 euros']}),
		part({fee: [13_000, 'The fee is 12,500 euros.']}),
	], source);
	t.like(merged.items.get('fee'), {value: 12_500, pages: [2], evidence: ['The fee is 12500 euros'], supported: true});
	t.deepEqual(merged.items.get('fee')?.conflicts, [9000, 13_000]);
});

test('a value whose evidence is nowhere in the source is kept but marked unsupported, without pages', t => {
	const merged = mergeFieldAnswers(items, [part({law: ['laws of France', 'governed by the laws of France']})], source);
	t.like(merged.items.get('law'), {value: 'laws of France', supported: false, pages: []});
});

test('enums: the majority wins, ties go to the earliest, and the evidence is that of the winning answers', t => {
	const majority = mergeFieldAnswers(items, [
		part({category: ['invoice', 'The fee is 12,500 euros']}),
		part({category: ['contract', 'The agreement takes effect']}),
		part({category: ['contract', 'governed by the laws of England']}),
	], source);
	t.like(majority.items.get('category'), {value: 'contract', pages: [1, 2], supported: true});
	t.deepEqual(majority.items.get('category')?.conflicts, ['invoice']);
	const tie = mergeFieldAnswers(items, [part({category: ['other', 'Signed by Acme']}), part({category: ['contract', 'The agreement']})], source);
	t.is(tie.items.get('category')?.value, 'other');
});

test('lists: the union of the parts in order of first appearance, compared without case', t => {
	const merged = mergeFieldAnswers(items, [
		part({parties: [['Acme Ltd'], 'Signed by Acme Ltd']}),
		part({parties: [['ACME LTD', 'Widget GmbH'], 'Acme Ltd and Widget GmbH']}),
		part({parties: [['Invented Corp'], 'Invented Corp signed']}),
	], source);
	t.like(merged.items.get('parties'), {value: ['Acme Ltd', 'Widget GmbH'], pages: [3], supported: true}, 'unsupported parts are left out while supported ones exist');
});

test('nulls: no part states it, so the value is null with no evidence, pages or support', t => {
	const merged = mergeFieldAnswers(items, [part({start: [null, '']}), part({start: [null, 'ignored']})], source);
	t.deepEqual(merged.items.get('start'), {value: null, evidence: [], pages: [], supported: null, conflicts: [], warnings: []});
	t.deepEqual(merged.items.get('q1'), {value: null, evidence: [], pages: [], supported: null, conflicts: [], warnings: []}, 'an item no part answered is null too');
});

test('questions: one answer (or the same answer twice) is kept; different answers are left for one merge call', t => {
	const same = mergeFieldAnswers(items, [part({q1: ['Acme and Widget.', 'Signed by Acme Ltd']}), part({q1: ['acme and widget', 'Widget GmbH']})], source);
	t.is(same.pendingAnswers.size, 0);
	t.like(same.items.get('q1'), {value: 'Acme and Widget.', pages: [3], supported: true});
	const different = mergeFieldAnswers(items, [part({q1: ['Acme Ltd.', 'Signed by Acme Ltd']}), part({q1: ['Widget GmbH.', 'Widget GmbH']})], source);
	t.deepEqual([...different.pendingAnswers].map(([item, answers]) => [item.id, answers]), [['q1', ['Acme Ltd.', 'Widget GmbH.']]]);
});

test('the merge is deterministic: the same parts give the same result', t => {
	const parts = [part({fee: [1, 'The fee is 12,500'], category: ['invoice', 'x'], parties: [['B', 'A'], 'Widget GmbH']}), part({fee: [2, 'takes effect'], category: ['other', 'y'], parties: [['A', 'C'], 'Acme Ltd']})];
	t.deepEqual(mergeFieldAnswers(items, parts, source), mergeFieldAnswers(items, parts, source));
});
