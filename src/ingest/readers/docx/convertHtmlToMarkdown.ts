import {decodeEntities} from './decodeEntities.js';

interface _Element {
	tag: string;
	attributes: string;
	children: _Node[];
}

type _Node = _Element | string;

const _voidTags = new Set(['br', 'img', 'hr', 'wbr', 'col']);
const _blockTags = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'hr']);
const _noteId = /\bid="(?:footnote|endnote)-/;
const _noteBacklink = /\bhref="#(?:footnote|endnote)-ref-/;

/**
 * Turns the HTML that mammoth writes into light Markdown that keeps the structure the chunker
 * splits on: `#`..`######` headings, `- ` and `1. ` list items (nested ones indented), Markdown
 * tables (`| a | b |`, one line per row), and blocks separated by a blank line. The footnotes and
 * endnotes mammoth appends become a final `# Notes` section of `[n] text` paragraphs, matching the
 * `[n]` markers left in the body. Images and formatting are dropped.
 */
export function convertHtmlToMarkdown(html: string): string {
	const blocks: string[] = [];
	_renderBlocks(_parseHtml(html).children, blocks);
	return blocks.join('\n\n');
}

/** Builds an element tree; unmatched closing tags are ignored and unclosed elements end with their parent. */
function _parseHtml(html: string): _Element {
	const root: _Element = {tag: '', attributes: '', children: []};
	const stack: _Element[] = [root];
	for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z\d]*)([^>]*)>|[^<]+|</g)) {
		const parent = stack.at(-1) ?? root;
		const tag = match[2]?.toLowerCase();
		if (tag === undefined) {
			parent.children.push(decodeEntities(match[0]));
		} else if (match[1] === '/') {
			const index = stack.findLastIndex(element => element.tag === tag);
			if (index > 0) stack.length = index;
		} else {
			const attributes = match[3] ?? '';
			const element: _Element = {tag, attributes, children: []};
			parent.children.push(element);
			if (!_voidTags.has(tag) && !attributes.endsWith('/')) stack.push(element);
		}
	}
	return root;
}

function _renderBlocks(nodes: readonly _Node[], blocks: string[]): void {
	let inline: _Node[] = [];
	const flush = () => {
		_pushBlock(blocks, _inlineText({tag: '', attributes: '', children: inline}));
		inline = [];
	};
	for (const node of nodes) {
		if (typeof node === 'string' || !_blockTags.has(node.tag)) {
			inline.push(node);
			continue;
		}
		flush();
		const level = /^h([1-6])$/.exec(node.tag)?.[1];
		if (level !== undefined) {
			const text = _inlineText(node).replaceAll('\n', ' ');
			if (text !== '') blocks.push(`${'#'.repeat(Number(level))} ${text}`);
		} else if (node.tag === 'ul' || node.tag === 'ol') {
			if (node.children.some(child => typeof child !== 'string' && _noteId.test(child.attributes))) {
				_renderNotes(node, blocks);
			} else {
				const lines: string[] = [];
				_renderList(node, 0, lines);
				_pushBlock(blocks, lines.join('\n'));
			}
		} else if (node.tag === 'table') {
			_renderTable(node, blocks);
		} else if (node.tag === 'p' || node.tag === 'pre' || node.tag === 'dt' || node.tag === 'dd') {
			_pushBlock(blocks, _inlineText(node));
		} else {
			_renderBlocks(node.children, blocks);
		}
	}
	flush();
}

function _pushBlock(blocks: string[], text: string): void {
	if (text !== '') blocks.push(text);
}

function _renderList(list: _Element, depth: number, lines: string[]): void {
	let number = 1;
	for (const item of list.children) {
		if (typeof item === 'string') continue;
		if (item.tag === 'ul' || item.tag === 'ol') {
			_renderList(item, depth + 1, lines);
			continue;
		}
		const nested = item.children.filter((child): child is _Element => typeof child !== 'string' && (child.tag === 'ul' || child.tag === 'ol'));
		const text = _inlineText({...item, children: item.children.filter(child => !nested.includes(child as _Element))});
		if (text !== '') {
			const marker = list.tag === 'ol' ? `${number++}. ` : '- ';
			const indent = '  '.repeat(depth);
			lines.push(indent + marker + text.replaceAll('\n', `\n${indent}${' '.repeat(marker.length)}`));
		}
		for (const child of nested) _renderList(child, depth + 1, lines);
	}
}

/** Renders mammoth's note list as `# Notes` and `[n] text` paragraphs; n counts notes in order, as mammoth's markers do. */
function _renderNotes(list: _Element, blocks: string[]): void {
	const notes: string[] = [];
	let number = 0;
	for (const item of list.children) {
		if (typeof item === 'string') continue;
		number++;
		const text = _inlineText(item);
		if (text !== '') notes.push(`[${number}] ${text}`);
	}
	if (notes.length > 0) blocks.push('# Notes', ...notes);
}

/**
 * A Markdown table: a row of cells per line, the first row as its header, rows padded to the widest
 * with empty cells and `|` inside a cell escaped. A layout table (one cell per row) is rendered as
 * the blocks it contains, so its paragraphs, headings and lists keep their structure.
 */
function _renderTable(table: _Element, blocks: string[]): void {
	const rows = _tableRows(table);
	if (rows.every(row => row.length <= 1)) {
		for (const row of rows) for (const cell of row) _renderBlocks(cell.children, blocks);
		return;
	}
	const cells = rows
		.map(row => row.map(cell => _inlineText(cell).replaceAll('\n', ' ').replaceAll('|', '\\|')))
		.filter(row => row.some(text => text !== ''));
	const width = Math.max(...cells.map(row => row.length));
	const line = (row: readonly string[]) => `|${Array.from({length: width}, (_, index) => (row[index] ? ` ${row[index]} |` : ' |')).join('')}`;
	const [header = [], ...body] = cells;
	_pushBlock(blocks, [line(header), line(Array.from({length: width}, () => '---')), ...body.map(line)].join('\n'));
}

function _tableRows(table: _Element): _Element[][] {
	const rows: _Element[][] = [];
	const visit = (element: _Element) => {
		for (const child of element.children) {
			if (typeof child === 'string') continue;
			if (child.tag === 'tr') rows.push(child.children.filter((cell): cell is _Element => typeof cell !== 'string' && (cell.tag === 'td' || cell.tag === 'th')));
			else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') visit(child);
		}
	};
	visit(table);
	return rows;
}

/** The text of an element: `<br>` and block boundaries become line breaks, spaces collapse, empty lines go. */
function _inlineText(element: _Element): string {
	const parts: string[] = [];
	_collectText(element, parts);
	return parts
		.join('')
		.split('\n')
		.map(line => line.replace(/[ \t\u00a0]+/g, ' ').trim())
		.filter(line => line !== '')
		.join('\n');
}

function _collectText(element: _Element, parts: string[]): void {
	for (const child of element.children) {
		if (typeof child === 'string') {
			parts.push(child.replaceAll('\n', ' '));
		} else if (child.tag === 'br') {
			parts.push('\n');
		} else if (child.tag === 'a' && _noteBacklink.test(child.attributes)) {
			continue;
		} else if (child.tag === 'td' || child.tag === 'th') {
			parts.push(' ');
			_collectText(child, parts);
			parts.push(' ');
		} else if (_blockTags.has(child.tag)) {
			parts.push('\n');
			_collectText(child, parts);
			parts.push('\n');
		} else {
			_collectText(child, parts);
		}
	}
}
