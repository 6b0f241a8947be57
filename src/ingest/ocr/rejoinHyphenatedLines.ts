import {collectKnownWords} from '../../text/collectKnownWords.js';
import {joinHyphenatedWord} from '../../text/joinHyphenatedWord.js';

/**
 * Rejoins the words OCR found hyphenated at line ends within a paragraph ("infor-" / "mation"), as
 * a PDF's text layer is rejoined; paragraphs (blank lines) are never joined. Compounds the page
 * writes with their hyphen elsewhere keep it.
 */
export function rejoinHyphenatedLines(text: string): string {
	if (!/[-\u2010]\n/.test(text)) return text;
	const knownWords = collectKnownWords([text]);
	const output: string[] = [];
	for (const line of text.split('\n')) {
		const previous = output.at(-1);
		const joined = previous === undefined || line === '' ? undefined : joinHyphenatedWord(previous, line, knownWords);
		if (joined === undefined) output.push(line);
		else output[output.length - 1] = joined;
	}
	return output.join('\n');
}
