import {collectKnownWords} from '../text/collectKnownWords.js';
import {hasLetterMarker, opensListItem, readListItemMarker} from '../text/isListItemStart.js';
import {joinHyphenatedWord} from '../text/joinHyphenatedWord.js';
import {endsSentence} from '../text/splitSentences.js';
import type {ExtractedPage} from './SourceDocument.js';

/**
 * Joins page texts into a document's text; `pageStarts[i]` is where page i+1's text starts in it.
 * Pages are separated by a paragraph break, except where a sentence runs on over the break: the page
 * ends without a sentence end (by {@link endsSentence}) and the next starts mid-sentence (a lower-case
 * letter or a continuing punctuation mark) and opens no list item ("a) …"; a letter with a dot, "v. Wade",
 * only in a lettered list on that page or the one before: see {@link opensListItem}). Such pages are joined by
 * a space, and a word hyphenated across the break is rejoined ("infor-" + "mation") by
 * {@link joinHyphenatedWord}, keeping its hyphen when the document writes the compound as a word of
 * its own elsewhere ("well-" + "known"). Empty pages add nothing but their start.
 */
export function joinPages(pages: readonly ExtractedPage[]): {text: string; pageStarts: number[]} {
	const pageStarts: number[] = [];
	// The text in pieces, joined once at the end: a join reads and changes only the text's end, while a
	// string grown page by page would be copied whole at every page (quadratic in a long book).
	const pieces: string[] = [];
	let length = 0;
	// The document's words (see collectKnownWords), collected at the first page break that splits a hyphenated word.
	let knownWords: Set<string> | undefined;
	const lookUpWord = {has: (word: string) => (knownWords ??= collectKnownWords(pages.map(each => each.text))).has(word)};
	let previousPage = '';
	for (const page of pages) {
		const next = page.text.trimStart();
		if (length > 0 && next !== '') {
			const from = _findEndPieces(pieces);
			const end = pieces.slice(from).join('');
			const join = _joinAcross(end, next, previousPage, lookUpWord);
			pieces.splice(from, pieces.length - from, join.before, join.separator);
			length += join.before.length - end.length + join.separator.length;
		}
		pageStarts.push(length);
		pieces.push(next);
		length += next.length;
		if (next !== '') previousPage = next;
	}
	return {text: pieces.join(''), pageStarts};
}

/**
 * Where the last pieces start that hold the text's last word with the whitespace before it (all of
 * them when there is none): all that {@link _joinAcross} reads or changes of the text so far.
 */
function _findEndPieces(pieces: readonly string[]): number {
	let end = '';
	for (let index = pieces.length - 1; index > 0; index--) {
		end = pieces[index] + end;
		if (_whitespace.test(end.trimEnd())) return index;
	}
	return 0;
}

const _whitespace = /\s/u;

/** Between two pages' text: a paragraph break. */
const _pageSeparator = '\n\n';
/** A page that starts like this continues the sentence before it: a lower-case letter or `,;:)]`. */
const _startsMidSentence = /^(?:\p{Ll}|[,;:)\]])/u;

/** How the text so far (`before`, its end; `previousPage`, the last page with text) meets the next page: what is left of it, and what goes between. */
function _joinAcross(before: string, next: string, previousPage: string, knownWords: Pick<ReadonlySet<string>, 'has'>): {before: string; separator: string} {
	const trimmed = before.trimEnd();
	const inLetteredList = (): boolean => hasLetterMarker([...previousPage.split('\n'), ...next.split('\n').slice(1)]);
	if (endsSentence(trimmed) || !_startsMidSentence.test(next) || opensListItem(readListItemMarker(next), inLetteredList)) return {before, separator: _pageSeparator};
	// The next page's first word is all of it that joinHyphenatedWord reads; it is put back after the separator.
	const word = /^\S*/u.exec(next)![0];
	const joined = joinHyphenatedWord(trimmed, word, knownWords);
	if (joined === undefined) return {before: trimmed, separator: ' '};
	return {before: joined.slice(0, joined.length - word.length), separator: ''};
}
