import test from 'ava';
import {joinPages} from '../../../src/ingest/joinPages.js';
import {findPageOfOffset} from '../../../src/text/findPageOfOffset.js';

test('page starts locate each page in the joined text', t => {
	const {text, pageStarts} = joinPages([{number: 1, text: 'one'}, {number: 2, text: 'two'}, {number: 3, text: 'three'}]);
	t.deepEqual(pageStarts.map((start, index) => text.slice(start, pageStarts[index + 1] ?? text.length).trim()), ['one', 'two', 'three']);
	t.is(findPageOfOffset(pageStarts, text.indexOf('three') + 2), 3);
	t.is(findPageOfOffset(pageStarts, 0), 1);
});
