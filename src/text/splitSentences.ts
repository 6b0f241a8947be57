import {isListItemMarker} from './isListItemStart.js';
import {sliceFromLastWord} from './sliceFromLastWord.js';

/** A sentence's place in a text: `[start, end)`, with surrounding whitespace left out. */
export interface SentenceSpan {
	start: number;
	end: number;
}

/** Abbreviations after which a sentence never ends ("Dr. Smith", "e.g. Paris", "Fig. 3"). */
const _alwaysContinues = new Set(['e.g.', 'i.e.', 'cf.', 'vs.', 'v.', 'viz.', 'dr.', 'mr.', 'mrs.', 'ms.', 'prof.', 'st.', 'mt.', 'fig.', 'figs.', 'eq.', 'sec.', 'ch.', 'vol.', 'pp.', 'p.', 'approx.', 'ca.', 'gen.', 'gov.', 'sen.', 'rep.', 'rev.', 'hon.', 'capt.', 'col.', 'lt.', 'sgt.']);

/** Abbreviations that end a sentence unless a number follows ("No. 5", "Art. 12", "Jan. 3"). */
const _continuesBeforeNumber = new Set(['no.', 'nos.', 'art.', 'para.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.']);

/** Initials and dotted acronyms: "J." (a name's initial), "U.S.", "U.K.", "Ph.D.". */
const _dottedLetters = /(?:^|[\s(“"'])((?:\p{Lu}\.)+|(?:\p{L}{1,2}\.){2,})$/u;

const _segmenter = new Intl.Segmenter('en', {granularity: 'sentence'});

/**
 * Splits `text[start, end)` into sentences: the one rule precis uses for what ends a sentence
 * (chunk boundaries, statements to check, page joins). Unicode sentence breaks (`Intl.Segmenter`:
 * decimals, closing quotes, CJK `。！？`), with a single line break read as a space, so hard-wrapped
 * lines do not end sentences while a blank line does, and without breaks before a lower-case
 * letter ('"Stop!" she said') or after abbreviations, initials and dotted acronyms ("Dr. Smith",
 * "U.S. Army", "No. 5").
 */
export function splitSentences(text: string, start = 0, end = text.length): SentenceSpan[] {
	const slice = text.slice(start, end).replace(/(?<![\r\n])\r?\n(?![\r\n])/gu, lineBreak => ' '.repeat(lineBreak.length));
	const spans: SentenceSpan[] = [];
	let pending: SentenceSpan | undefined;
	for (const window of _windows(slice)) {
		for (const {segment, index} of _segmenter.segment(slice.slice(window.start, window.end))) {
			const span = _trimSpan(slice, window.start + index, window.start + index + segment.length);
			if (span === undefined) continue;
			if (pending !== undefined && !window.startsParagraph && _continuesAfter(slice.slice(pending.start, pending.end), slice.slice(span.start, span.end))) {
				pending.end = span.end;
				continue;
			}
			if (pending !== undefined) spans.push(pending);
			pending = span;
			window.startsParagraph = false;
		}
	}
	if (pending !== undefined) spans.push(pending);
	return spans.map(span => ({start: start + span.start, end: start + span.end}));
}

/** Longest piece handed to the segmenter at once: V8's sentence segmenter slows down quadratically with the input's length. */
const _maxWindowChars = 2048;

interface _Window extends SentenceSpan {
	/** Whether the window begins a paragraph (after a blank line), where a sentence always starts. */
	startsParagraph: boolean;
}

/** Paragraphs (split at blank lines), and long paragraphs cut after a likely sentence end or at a space. */
function _windows(text: string): _Window[] {
	const windows: _Window[] = [];
	let from = 0;
	for (const blank of [...text.matchAll(/\n\s*\n/gu), undefined]) {
		const to = blank === undefined ? text.length : blank.index;
		let startsParagraph = true;
		for (let cut = from; cut < to; startsParagraph = false) {
			const next = to - cut <= _maxWindowChars ? to : _findCut(text, cut, cut + _maxWindowChars);
			windows.push({start: cut, end: next, startsParagraph});
			cut = next;
		}
		if (blank !== undefined) from = blank.index + blank[0].length;
	}
	return windows;
}

function _findCut(text: string, from: number, limit: number): number {
	const piece = text.slice(from, limit);
	const sentenceEnd = Math.max(...['. ', '! ', '? ', '。', '！', '？'].map(mark => piece.lastIndexOf(mark)));
	if (sentenceEnd > 0) return from + sentenceEnd + 1;
	const space = piece.lastIndexOf(' ');
	return space > 0 ? from + space + 1 : limit;
}

/**
 * Whether `text` (trimmed) ends as a sentence ends: `.`, `!`, `?`, `…`, a CJK full stop, the Arabic
 * question mark or full stop (`؟`, `۔`) or a Devanagari danda (`।`), before closing quotes or brackets.
 */
export function endsSentence(text: string): boolean {
	const end = sliceFromLastWord(text.trimEnd());
	return /[.!?…。！？؟۔।॥][\p{Pf}\p{Pe}"'’”»]*$/u.test(end) && !_endsWithAbbreviation(end, '');
}

function _continuesAfter(previous: string, next: string): boolean {
	if (/^\p{Ll}/u.test(next) || isListItemMarker(previous)) return true;
	return _endsWithAbbreviation(previous, next);
}

function _endsWithAbbreviation(previous: string, next: string): boolean {
	const lastWord = (/\S+$/u.exec(previous)?.[0] ?? '').toLowerCase().replace(/^[(“"']+/u, '');
	if (_alwaysContinues.has(lastWord)) return true;
	if (_continuesBeforeNumber.has(lastWord)) return /^\p{N}/u.test(next);
	return _dottedLetters.test(previous) && (next === '' || !_startsNewSentenceAfterAcronym(previous, next));
}

/**
 * After a dotted acronym ("U.S."), a sentence usually goes on ("U.S. Army"); it ends when a common
 * sentence opener follows ("… in the U.S. The next …"). A single initial ("J. Smith") always goes on.
 */
function _startsNewSentenceAfterAcronym(previous: string, next: string): boolean {
	if (/(?:^|\s)\p{Lu}\.$/u.test(previous)) return false;
	return /^(?:The|This|That|These|Those|It|Its|In|On|At|A|An|He|She|They|We|I|There|But|And|However|Then)\b/u.test(next);
}

function _trimSpan(text: string, start: number, end: number): SentenceSpan | undefined {
	while (start < end && /\s/u.test(text[start]!)) start++;
	while (end > start && /\s/u.test(text[end - 1]!)) end--;
	return end > start ? {start, end} : undefined;
}
