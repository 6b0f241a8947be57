import test from 'ava';
import {coerceFieldValue} from '../../../src/fields/coerceFieldValue.js';
import {parseFieldsOutput} from '../../../src/fields/parseFieldsOutput.js';
import {toFieldItems} from '../../../src/fields/FieldItem.js';

const item = (type: Parameters<typeof coerceFieldValue>[0]['type'], values?: string[]) => ({id: 'x', type, ...(values === undefined ? {} : {values})});

test('values are read as their declared type', t => {
	t.is(coerceFieldValue(item('number'), '12,500.50 EUR').value, 12_500.5);
	t.is(coerceFieldValue(item('number'), '$ 3').value, 3);
	t.is(coerceFieldValue(item('integer'), 7).value, 7);
	t.is(coerceFieldValue(item('boolean'), 'Yes').value, true);
	t.is(coerceFieldValue(item('date'), '2024-03-01T10:00:00Z').value, '2024-03-01');
	t.is(coerceFieldValue(item('enum', ['contract', 'other']), 'Contract').value, 'contract');
	t.deepEqual(coerceFieldValue(item('list'), [' Acme ', 'Acme', '', 'Widget']).value, ['Acme', 'Widget']);
	t.deepEqual(coerceFieldValue(item('list'), 'Acme').value, ['Acme']);
	t.is(coerceFieldValue(item('string'), '  text ').value, 'text');
	t.is(coerceFieldValue(item('string'), '   ').value, null, 'empty text is not stated');
});

test('a value of the wrong type becomes null with a warning naming the field', t => {
	for (const [type, raw, values] of [
		['integer', 2.5], ['integer', 1e300], ['number', 'about a dozen'], ['number', Number.POSITIVE_INFINITY], ['date', '2024-02-30'], ['date', 'next spring'],
		['boolean', 'perhaps'], ['enum', 'memo', ['contract', 'other']], ['list', [{a: 1}]], ['string', {nested: true}],
	] as const) {
		const coerced = coerceFieldValue(item(type, values === undefined ? undefined : [...values]), raw);
		t.is(coerced.value, null, `${type} ${String(raw)}`);
		t.regex(coerced.warning ?? '', /^x: expected .+, got .+; stored as null$/);
	}
});

test('output that is not JSON, or cut short, gives nulls with warnings instead of failing', t => {
	const items = toFieldItems([{name: 'fee', type: 'number'}, {name: 'law', type: 'string'}], []);
	const garbage = parseFieldsOutput('The fee is 12 euros', items, 'part 1 of 2');
	t.deepEqual([...garbage.values()].map(answer => answer.value), [null, null]);
	t.regex(garbage.get('fee')?.warnings[0] ?? '', /fee: the model's answer in part 1 of 2 is not JSON/);
	const cut = parseFieldsOutput('{"fee": {"value": 12, "evidence": "The fee is 12"}, "law": {"value": "Engl', items, 'the document');
	t.like(cut.get('fee'), {value: 12, evidence: 'The fee is 12'});
	t.is(cut.get('law')?.value, 'Engl', 'the completed part of a cut answer is kept');
	const wrong = parseFieldsOutput('{"fee": {"value": "lots", "evidence": "fee"}, "law": 5}', items, 'the document');
	t.like(wrong.get('fee'), {value: null, evidence: ''});
	t.is(wrong.get('fee')?.warnings.length, 1);
	t.is(wrong.get('law')?.value, '5', 'a bare value where an object was expected is still read');
});
