/**
 * A paragraph or a heading line of a document, trimmed of surrounding whitespace. `lead` is where the
 * whitespace before it begins (the previous block's end), so `[lead, end)` tiles the text.
 */
export interface Block {
	lead: number;
	start: number;
	end: number;
	/** Heading level (1-6) when the block is a heading, else 0. */
	level: number;
	/** The heading path in effect at the block, including the block itself when it is a heading. */
	headings: readonly string[];
}

interface _Line {
	start: number;
	/** End of the line's text, before `\r\n` or `\n`. */
	end: number;
	text: string;
}

interface _Heading {
	level: number;
	title: string;
}

const _atxHeading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
const _setextUnderline = /^ {0,3}(={3,}|-{3,})[ \t]*$/u;
const _fence = /^ {0,3}(`{3,}|~{3,})/u;
/** Lines that are list items, table rows or quotes: never the text of a Setext heading. */
const _notHeadingText = /^\s*(?:[-*+>|]|\d+[.)])(?:\s|$)|\|/u;
/** A plain-text book's "CHAPTER I", "Book 2", "PART IV. The Return": a paragraph of its own. */
const _chapterLine = /^(?:CHAPTER|Chapter|BOOK|Book|PART|Part)\s+(?:[IVXLCDM]+|\d{1,3})\b(?:[.:]?(?:\s+\S.*)?)?$/u;
const _maxChapterLineLength = 80;

/**
 * Splits text into paragraphs (runs of non-blank lines) and heading lines, and gives each the heading
 * path it sits under. Headings are Markdown ATX lines (`#`..`######`, outside fenced code), Setext
 * headings (one line underlined with `===` or `---` as a paragraph of its own) and, for plain-text
 * books, a paragraph that is a single "CHAPTER I"-style line (level 1). ALL-CAPS lines are not taken
 * as headings: PDF running headers look the same.
 */
export function segmentBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	const path: _Heading[] = [];
	let titles: readonly string[] = [];
	let fence: string | undefined;
	let paragraph: _Line[] = [];
	let previousEnd = 0;

	const pushBlock = (first: _Line, last: _Line, heading: _Heading | undefined) => {
		if (heading !== undefined) {
			while (path.length > 0 && path[path.length - 1]!.level >= heading.level) path.pop();
			path.push(heading);
			titles = path.map(entry => entry.title);
		}
		const start = first.start + _countLeadingSpace(first.text);
		const end = last.start + last.text.trimEnd().length;
		blocks.push({lead: previousEnd, start, end, level: heading?.level ?? 0, headings: titles});
		previousEnd = end;
	};
	const flushParagraph = () => {
		if (paragraph.length > 0) _pushParagraph(paragraph, pushBlock);
		paragraph = [];
	};

	for (const line of _readLines(text)) {
		const fenceMatch = _fence.exec(line.text);
		if (fenceMatch !== null) {
			const marker = fenceMatch[1]!;
			if (fence === undefined) fence = marker;
			else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
		}
		if (line.text.trim() === '') {
			flushParagraph();
			continue;
		}
		const atx = fence === undefined && fenceMatch === null ? _atxHeading.exec(line.text) : null;
		if (atx !== null && atx[2]!.trim() !== '') {
			flushParagraph();
			pushBlock(line, line, {level: atx[1]!.length, title: atx[2]!.trim()});
			continue;
		}
		paragraph.push(line);
	}
	flushParagraph();
	return blocks;
}

/** Emits a paragraph as one block, or as a heading when it is a Setext heading or a chapter line. */
function _pushParagraph(lines: _Line[], pushBlock: (first: _Line, last: _Line, heading: _Heading | undefined) => void) {
	const first = lines[0]!;
	const last = lines[lines.length - 1]!;
	const title = first.text.trim();
	let heading: _Heading | undefined;
	if (lines.length === 2 && !_notHeadingText.test(first.text)) {
		const underline = _setextUnderline.exec(last.text);
		if (underline !== null) heading = {level: underline[1]!.startsWith('=') ? 1 : 2, title};
	} else if (lines.length === 1 && title.length <= _maxChapterLineLength && _chapterLine.test(title)) {
		heading = {level: 1, title};
	}
	pushBlock(first, last, heading);
}

function* _readLines(text: string): Generator<_Line> {
	let start = 0;
	while (start <= text.length) {
		let newline = text.indexOf('\n', start);
		if (newline === -1) newline = text.length;
		const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
		yield {start, end, text: text.slice(start, end)};
		start = newline + 1;
	}
}

function _countLeadingSpace(line: string): number {
	return line.length - line.trimStart().length;
}
