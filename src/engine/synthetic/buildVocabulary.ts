/**
 * The synthetic model's SentencePiece vocabulary. SentencePiece merges only reach a word through
 * pieces that are themselves in the vocabulary, so every word comes with all its prefixes
 * ("▁s", "▁su", "▁sum", ...). Byte tokens make every string encodable (emoji included).
 */

/** GGUF `tokenizer.ggml.token_type` values. */
export const TokenType = {normal: 1, unknown: 2, control: 3, byte: 6} as const;

/** How likely the random model is to emit a token (scales its row of `output.weight`). */
export type TokenWeightClass = 'silent' | 'char' | 'prefix' | 'word';

export interface Vocabulary {
	tokens: string[];
	scores: number[];
	types: number[];
	weightClasses: TokenWeightClass[];
	unknownId: number;
	bosId: number;
	eosId: number;
}

const _words = `the of and to in is was for on that with as by at from this be are or it an have not
which has but were had their can its one all been more other also new will there when they who would
time first after into two these some about than only over most may many such between used like then
three made years him them so people world during state year while part well up high under both where
each same through because city school out during any however known several back number before much
should way since what could him later war early last system being end own did called form name how
use three group make found set long life day work government area because national way following
family house well still around team small large public four often way long make under page report
document summary section chapter table figure result results method data model study analysis
research paper text point question answer example important information based value include order
given case general level change local water music power human history line free great main south
north east west river language name music death game common different country place right left
company service control process present member support health energy market policy program period
court law office early second third best good better short full open close real little young old
we you he she her his our your my me us i what why how who when which there here now then just
very even much too again never always sometimes often today tomorrow yesterday include includes
summarize summarized summarizing summaries develop development increase decrease effect effects
cost costs total average percent million billion number numbers first last next previous final
note notes list lists item items user users file files word words sentence sentences paragraph
meeting project plan plans team teams budget risk risks goal goals issue issues review reviews
agreement contract product products customer customers price prices sale sales quarter growth`;

/** The sorted, de-duplicated word list (lower case); capitalised forms are added too. */
function _listWords(): string[] {
	const words = new Set(_words.split(/\s+/).filter(word => word.length > 0));
	return [...words].sort();
}

/** Builds the vocabulary; pure and deterministic (no seed needed). */
export function buildVocabulary(): Vocabulary {
	const tokens: string[] = [];
	const types: number[] = [];
	const weightClasses: TokenWeightClass[] = [];
	const seen = new Set<string>();
	const _add = (token: string, type: number, weightClass: TokenWeightClass): void => {
		if (seen.has(token)) return;
		seen.add(token);
		tokens.push(token);
		types.push(type);
		weightClasses.push(weightClass);
	};

	_add('<unk>', TokenType.unknown, 'silent');
	_add('<s>', TokenType.control, 'silent');
	_add('</s>', TokenType.control, 'silent');
	for (let byte = 0; byte < 256; byte++) _add(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`, TokenType.byte, 'silent');
	_add('<|im_start|>', TokenType.control, 'silent');
	_add('<|im_end|>', TokenType.control, 'silent');
	_add('▁', TokenType.normal, 'char');
	for (let code = 0x21; code <= 0x7e; code++) _add(String.fromCharCode(code), TokenType.normal, 'char');
	_add('\n', TokenType.normal, 'char');

	const words = _listWords();
	const pieces = new Map<string, TokenWeightClass>();
	for (const word of words) {
		for (const form of [word, word[0]!.toUpperCase() + word.slice(1)]) {
			for (let length = 1; length <= form.length; length++) {
				const piece = '▁' + form.slice(0, length);
				if (length === form.length) pieces.set(piece, 'word');
				else if (!pieces.has(piece)) pieces.set(piece, 'prefix');
			}
		}
	}
	for (const piece of [...pieces.keys()].sort()) _add(piece, TokenType.normal, pieces.get(piece)!);

	// Longer pieces score higher, so merges prefer them; bytes and control tokens score 0.
	const scores = tokens.map((token, index) => (types[index] === TokenType.normal ? -1000 + token.length : 0));
	return {tokens, scores, types, weightClasses, unknownId: 0, bosId: 1, eosId: 2};
}
