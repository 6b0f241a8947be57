import test from 'ava';
import fc from 'fast-check';
import {convertHtmlToMarkdown} from '../../../../src/ingest/readers/docx/convertHtmlToMarkdown.js';

test('nested lists indent under their parent; an ordered list numbers its own items', t => {
	const html = '<ul><li>one<ul><li>one.a<ol><li>first</li><li>second</li></ol></li></ul></li><li>two</li></ul>';
	t.is(convertHtmlToMarkdown(html), '- one\n  - one.a\n    1. first\n    2. second\n- two');
});

test('a list item with several paragraphs keeps them on indented lines', t => {
	t.is(convertHtmlToMarkdown('<ol><li><p>Step</p><p>details</p></li><li>Next</li></ol>'), '1. Step\n   details\n2. Next');
});

test('a table becomes a Markdown table: cells flatten their blocks, line breaks and nested tables, empty rows go, short rows are padded, | is escaped', t => {
	const html = '<table><thead><tr><th>Name</th><th>Notes</th></tr></thead><tbody><tr><td><p>A</p><p>B</p></td><td>x<br />y<table><tr><td>in1</td><td>in2</td></tr></table></td></tr><tr><td></td><td></td></tr><tr><td>C|D</td><td><ul><li>l1</li><li>l2</li></ul></td><td>extra</td></tr></tbody></table>';
	t.is(convertHtmlToMarkdown(html), '| Name | Notes | |\n| --- | --- | --- |\n| A B | x y in1 in2 | |\n| C\\|D | l1 l2 | extra |');
});

test('a layout table (one cell per row) is rendered as the blocks it holds', t => {
	const html = '<table><tr><td><h2>Inside</h2><p>First paragraph.</p><p>Second paragraph.</p></td></tr></table><p>After.</p>';
	t.is(convertHtmlToMarkdown(html), '## Inside\n\nFirst paragraph.\n\nSecond paragraph.\n\nAfter.');
});

test('entities are decoded once; whitespace collapses; empty blocks vanish', t => {
	const html = '<p>a &amp;lt; b &#x1F600; &#233;t&eacute;&nbsp;&nbsp;x</p><p>   </p><p></p><h1>Title<br />split</h1><p>\tTabbed   text </p>';
	t.is(convertHtmlToMarkdown(html), 'a &lt; b 😀 ét&eacute; x\n\n# Title split\n\nTabbed text');
});

test('mismatched and unclosed tags do not lose text', t => {
	t.is(convertHtmlToMarkdown('<p>a<strong>b</p><p>c</em>d</p><ul><li>e'), 'ab\n\ncd\n\n- e');
});

test('mammoth note lists become a Notes section without back-links', t => {
	const html = '<p>Text<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol><li id="footnote-1"><p> Note one. <a href="#footnote-ref-1">↑</a></p></li><li id="endnote-2"><p>Note two. <a href="#endnote-ref-2">↑</a></p></li></ol>';
	t.is(convertHtmlToMarkdown(html), 'Text[1]\n\n# Notes\n\n[1] Note one.\n\n[2] Note two.');
});

test('property: any paragraphs of text come back in order, separated by one blank line', t => {
	const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9&<>"'.,;:!?()-]{1,12}$/);
	const paragraph = fc.array(word, {minLength: 1, maxLength: 8}).map(words => words.join(' '));
	const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
	fc.assert(
		fc.property(fc.array(paragraph, {minLength: 1, maxLength: 10}), paragraphs => {
			const html = paragraphs.map(text => `<p>${escape(text)}</p>`).join('');
			return convertHtmlToMarkdown(html) === paragraphs.join('\n\n');
		}),
	);
	t.pass();
});
