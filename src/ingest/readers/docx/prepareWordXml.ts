/**
 * Rewrites a WordprocessingML part (document, notes, styles, numbering) before mammoth reads it.
 *
 * Slimming: mammoth parses each part into a full DOM, and formatting dominates real documents
 * (a 12 MB document.xml of tables is mostly run fonts, cell borders and revision ids), which makes
 * it take seconds. Text and structure need little of it, so:
 * - paragraph properties keep only the style, list numbering and tracked paragraph-mark changes;
 * - row properties keep only the header and deletion marks;
 * - styles keep only their name and paragraph properties (mammoth reads nothing else);
 * - run formatting, revision ids, table and cell properties go (spans and merges only become
 *   HTML attributes the Markdown ignores; mammoth crashes on a table style without styles.xml);
 * - adjacent plain-text runs merge (mammoth keeps every text node, spaces included), and empty
 *   paragraphs, which mammoth skips anyway, go.
 * The regular expressions rely on these elements never nesting in themselves once the
 * `*PrChange` records (which hold an older copy of the properties) are gone.
 *
 * Ruby: mammoth drops ruby (phonetic guide) runs, base text included; each `<w:ruby>` becomes its
 * base runs followed by the reading in parentheses: 東京 (とうきょう).
 *
 * Only the `w:` prefix is recognised; parts that use another one pass through unchanged.
 */
export function prepareWordXml(xml: string): string {
	const slim = xml
		.replace(_element('rPrChange|pPrChange|tcPrChange|trPrChange|tblPrChange|tblGridChange|sectPrChange|numberingChange'), '')
		.replace(_element('latentStyles|tblStylePr|tblPr|tblGrid|tcPr'), '')
		.replace(/ (?:w:rsid\w*|w14:paraId|w14:textId)="[^"]*"/g, '')
		.replace(_element('rPr'), run => (/<w:(?:del|ins|moveFrom|moveTo)\b/.test(run) ? run : ''))
		.replace(_element('pPr'), properties => _keepChildren(properties, 'pPr', ['pStyle', 'numPr', 'rPr']))
		.replace(_element('style'), style => _keepChildren(style, 'style', ['name', 'pPr']))
		.replace(_element('trPr'), properties => _keepChildren(properties, 'trPr', ['tblHeader', 'del']))
		.replace(/<\/w:t><\/w:r><w:r><w:t(?: xml:space="preserve")?>/g, '')
		.replace(/<w:p\/>|<w:p><\/w:p>/g, '');
	return slim.includes(':ruby') ? _inlineRuby(slim) : slim;
}

/** Matches `<w:name …/>` or `<w:name …>…</w:name>` for any of the `|`-separated names. */
function _element(names: string): RegExp {
	return new RegExp(`<w:(${names})\\b[^>]*?(?:/>|>[\\s\\S]*?</w:\\1>)`, 'g');
}

function _keepChildren(element: string, name: string, keep: readonly string[]): string {
	const open = /^<[^>]*?(\/?)>/.exec(element);
	if (open === null || open[1] === '/') return '';
	const children = element.slice(open[0].length, element.length - `</w:${name}>`.length);
	const kept = children.match(_element(keep.join('|'))) ?? [];
	return kept.length === 0 ? '' : `${open[0]}${kept.join('')}</w:${name}>`;
}

function _inlineRuby(xml: string): string {
	return xml.replace(_element('ruby'), ruby => {
		const part = (name: string) => new RegExp(`<w:${name}\\b[^>]*>([\\s\\S]*?)</w:${name}>`).exec(ruby)?.[1] ?? '';
		const base = part('rubyBase');
		const reading = part('rt');
		if (reading === '') return base;
		const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
		return `${base}${run(' (')}${reading}${run(')')}`;
	});
}
