import {stemmer} from 'stemmer';
import {parseNumbers} from './parseNumbers.js';

/**
 * Function words that say nothing about what a passage is about; left out of the overlap between a
 * statement and the source (English, the language of the Porter stemmer; words of other languages
 * are kept whole and still match themselves).
 */
const _stopWords = new Set(`a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your yours yourself
yourselves per via upon within without among amongst across toward towards whether either neither may might must shall also well
however thus therefore hence according said says say including include includes included`.split(/\s+/u));

/** A word: letters and digits, with a decimal point or comma kept inside numbers ("4.2"). */
const _word = /[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu;

const _stems = new Map<string, string>();

/**
 * The content words of already normalized text (lower case, diacritics folded: see
 * normalizeForMatch), stemmed (Porter) so that "increased" meets "increase". Numbers become their
 * value ("$4.2 million" and "4,200,000" both `#4200000`). Stop words and single letters are left out.
 */
export function extractContentStems(normalizedText: string): string[] {
	const stems: string[] = [];
	let from = 0;
	for (const number of parseNumbers(normalizedText)) {
		_addWords(normalizedText.slice(from, number.start), stems);
		stems.push(`#${number.value}`);
		from = number.end;
	}
	_addWords(normalizedText.slice(from), stems);
	return stems;
}

function _addWords(text: string, stems: string[]): void {
	for (const [word] of text.matchAll(_word)) {
		if (word.length > 1 && !_stopWords.has(word)) stems.push(_stemOf(word));
	}
}

function _stemOf(word: string): string {
	let stem = _stems.get(word);
	if (stem === undefined) {
		stem = stemmer(word);
		if (_stems.size < 200_000) _stems.set(word, stem);
	}
	return stem;
}
