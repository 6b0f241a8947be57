/**
 * Writes the DOCX fixtures under fixtures/docx/: each is a minimal, hand-written OOXML package
 * zipped with fflate, named after the case it covers. Run: `npx tsx scripts/makeDocxFixtures.ts`.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {strToU8, zipSync} from 'fflate';
import {writeParagraph} from '../test/standalone/chunk/writeParagraph.js';

const _outDir = join(import.meta.dirname, '..', 'fixtures', 'docx');
const _w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const _wStrict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const _rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const _relStrict = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const _partTypes: Record<string, string> = {
	styles: 'styles',
	numbering: 'numbering',
	footnotes: 'footnotes',
	endnotes: 'endnotes',
	comments: 'comments',
	header1: 'header',
};

interface _DocxParts {
	body: string;
	/** Other word/ parts by name (styles, numbering, footnotes, endnotes, comments, header1): their inner XML. */
	parts?: Partial<Record<keyof typeof _partTypes, string>>;
	title?: string;
	strict?: boolean;
}

const _p = (text: string, style?: string) => `<w:p>${style === undefined ? '' : `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const _item = (text: string, numId: number, level = 0) => `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const _cell = (...paragraphs: string[]) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:tcBorders><w:top w:val="single" w:sz="4"/></w:tcBorders></w:tcPr>${paragraphs.join('')}</w:tc>`;
const _row = (cells: string[], rowProperties = '') => `<w:tr>${rowProperties}${cells.join('')}</w:tr>`;
const _table = (...rows: string[]) => `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;

function _makeDocx({body, parts = {}, title, strict = false}: _DocxParts): Uint8Array {
	const w = strict ? _wStrict : _w;
	const rel = strict ? _relStrict : _rel;
	const names = Object.keys(parts);
	const rootTag: Record<string, string> = {styles: 'styles', numbering: 'numbering', footnotes: 'footnotes', endnotes: 'endnotes', comments: 'comments', header1: 'hdr'};
	const xml = (content: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${content}`;
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${names.map(name => `<Override PartName="/word/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${_partTypes[name]}+xml"/>`).join('')}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`)),
		'_rels/.rels': strToU8(xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`)),
		'word/_rels/document.xml.rels': strToU8(xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map(name => `<Relationship Id="rId${name}" Type="${rel}/${_partTypes[name]}" Target="${name}.xml"/>`).join('')}</Relationships>`)),
		'word/document.xml': strToU8(xml(`<w:document xmlns:w="${w}" xmlns:r="${rel}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr>${names.includes('header1') ? '<w:headerReference w:type="default" r:id="rIdheader1"/>' : ''}<w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>`)),
		'docProps/core.xml': strToU8(xml(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title ?? ''}</dc:title><dc:creator>precis fixtures</dc:creator></cp:coreProperties>`)),
	};
	for (const [name, inner] of Object.entries(parts)) {
		files[`word/${name}.xml`] = strToU8(xml(`<w:${rootTag[name]} xmlns:w="${w}" xmlns:r="${rel}">${inner}</w:${rootTag[name]}>`));
	}
	return zipSync(files, {level: 6, mtime: new Date('2024-01-01T00:00:00Z')});
}

const _styles = ['Title:Title', 'Heading1:heading 1', 'Heading2:heading 2', 'ListParagraph:List Paragraph']
	.map(entry => {
		const [id, name] = entry.split(':');
		return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>`;
	})
	.join('');
const _level = (level: number, format: string) => `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${format === 'bullet' ? '•' : `%${level + 1}.`}"/><w:pPr><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
const _numbering = `<w:abstractNum w:abstractNumId="0">${_level(0, 'bullet')}${_level(1, 'bullet')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${_level(0, 'decimal')}${_level(1, 'decimal')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
const _separators = (kind: string) => `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`;

const _fixtures: Record<string, Uint8Array> = {
	'headings-lists-table.docx': _makeDocx({
		title: 'Quarterly Report Q3',
		parts: {styles: _styles, numbering: _numbering, header1: _p('CONFIDENTIAL RUNNING HEADER')},
		body: [
			_p('Quarterly Report', 'Title'),
			_p('Introduction', 'Heading1'),
			_p('Revenue grew &amp; costs fell by &lt; 5% this quarter.'),
			`<w:p><w:r><w:t>A hyphen</w:t></w:r><w:r><w:softHyphen/></w:r><w:r><w:t>ated word and a line</w:t><w:br/><w:t>break.</w:t></w:r></w:p>`,
			_p('Highlights', 'Heading2'),
			_item('First bullet', 1),
			_item('Nested bullet', 1, 1),
			_item('Second bullet', 1),
			_item('Step one', 2),
			_item('Step two', 2),
			_table(
				_row([_cell(_p('Region')), _cell(_p('Q1')), _cell(_p('Q2'))], '<w:trPr><w:tblHeader/></w:trPr>'),
				_row([_cell(_p('North')), _cell(_p('10')), _cell(_p('12'))]),
				_row([_cell(_p('South')), _cell(_p('7'), _p('(revised)')), _cell(_p('8'))]),
			),
			_p('Closing paragraph after the table.'),
		].join(''),
	}),
	'footnotes-endnotes.docx': _makeDocx({
		parts: {
			footnotes: `${_separators('footnote')}<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The footnote explains the source.</w:t></w:r></w:p></w:footnote>`,
			endnotes: `${_separators('endnote')}<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> The endnote adds a remark.</w:t></w:r></w:p></w:endnote>`,
			comments: `<w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>SECRET REVIEWER COMMENT</w:t></w:r></w:p></w:comment>`,
		},
		body: [
			`<w:p><w:r><w:t>Body text with a footnote</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> and an endnote</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`,
			`<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Commented sentence.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
		].join(''),
	}),
	'tracked-changes.docx': _makeDocx({
		body: [
			`<w:p><w:r><w:t xml:space="preserve">Kept text </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>INSERTED</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>DELETED</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> ends here.</w:t></w:r></w:p>`,
			`<w:p><w:moveFrom w:id="3" w:author="A"><w:r><w:t>MOVED SENTENCE</w:t></w:r></w:moveFrom></w:p>`,
			`<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="4" w:author="A"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>Reformatted text</w:t></w:r></w:p>`,
			`<w:p><w:moveTo w:id="5" w:author="A"><w:r><w:t>MOVED SENTENCE</w:t></w:r></w:moveTo></w:p>`,
			_table(
				_row([_cell(_p('Kept row')), _cell(_p('stays'))]),
				_row([_cell(_p('DELETED ROW')), _cell(_p('goes'))], '<w:trPr><w:del w:id="6" w:author="A"/></w:trPr>'),
			).replace('</w:tblPr>', '<w:tblPrChange w:id="7" w:author="A"><w:tblPr><w:tblW w:w="5000"/></w:tblPr></w:tblPrChange></w:tblPr>'),
		].join(''),
	}),
	'empty.docx': _makeDocx({title: 'Empty', body: '<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>'}),
	'text-box.docx': _makeDocx({
		body: `<w:p><w:r><w:t>Before the box.</w:t></w:r></w:p><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Text inside the box.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
	}),
	'ruby.docx': _makeDocx({
		body: `<w:p><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/><w:lid w:val="ja-JP"/></w:rubyPr><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>に行きます。</w:t></w:r></w:p>`,
	}),
	'heading-at-chunk-boundary.docx': _makeDocx({
		parts: {styles: _styles},
		body: [
			_p('Background', 'Heading1'),
			_p(writeParagraph(0, 8)),
			_p('Method', 'Heading2'),
			_p(writeParagraph(1, 3)),
			_p(writeParagraph(2, 6)),
		].join(''),
	}),
	'strict.docx': _makeDocx({strict: true, title: 'Strict document', body: _p('Strict OOXML body text.')}),
};
_fixtures['not-really.pdf'] = _fixtures['headings-lists-table.docx']!;
_fixtures['encrypted-package.docx'] = _makeCompoundFile(['EncryptedInfo', 'EncryptedPackage']);
_fixtures['legacy-word.doc'] = _makeCompoundFile(['WordDocument', '1Table']);

/**
 * A minimal valid CFB (OLE2) file with 512-byte sectors: header, one FAT sector, one directory
 * sector holding the root entry and an empty stream per name. Enough to stand for Word's
 * password-protected package (EncryptedPackage) or a legacy .doc (WordDocument).
 */
function _makeCompoundFile(streams: readonly string[]): Uint8Array {
	const file = Buffer.alloc(512 * 3);
	Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
	file.writeUInt16LE(0x3e, 24); // minor version
	file.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
	file.writeUInt16LE(0xfffe, 28); // little-endian
	file.writeUInt16LE(9, 30); // sector shift
	file.writeUInt16LE(6, 32); // mini sector shift
	file.writeUInt32LE(1, 44); // FAT sectors
	file.writeUInt32LE(1, 48); // first directory sector
	file.writeUInt32LE(4096, 56); // mini stream cutoff
	file.writeUInt32LE(0xfffffffe, 60); // no mini FAT
	file.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
	file.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
	for (let index = 1; index < 109; index++) file.writeUInt32LE(0xffffffff, 76 + index * 4);
	const fat = 512;
	file.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
	file.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, end of chain
	for (let index = 2; index < 128; index++) file.writeUInt32LE(0xffffffff, fat + index * 4);
	const entries = ['Root Entry', ...streams];
	entries.forEach((name, index) => {
		const entry = 1024 + index * 128;
		const encoded = Buffer.from(`${name}\0`, 'utf16le');
		encoded.copy(file, entry);
		file.writeUInt16LE(encoded.length, entry + 64);
		file.writeUInt8(index === 0 ? 5 : 2, entry + 66); // root storage or stream
		file.writeUInt8(index > 1 ? 0 : 1, entry + 67); // red sibling under a black node
		file.writeUInt32LE(index > 0 && index < entries.length - 1 ? index + 1 : 0xffffffff, entry + 68); // right sibling chain
		file.writeUInt32LE(0xffffffff, entry + 72);
		file.writeUInt32LE(index === 0 ? 1 : 0xffffffff, entry + 76); // root's child: first stream
		file.writeUInt32LE(0xfffffffe, entry + 116); // no data
	});
	for (let index = entries.length; index < 4; index++) {
		const entry = 1024 + index * 128;
		file.writeUInt32LE(0xffffffff, entry + 68);
		file.writeUInt32LE(0xffffffff, entry + 72);
		file.writeUInt32LE(0xffffffff, entry + 76);
	}
	return file;
}

mkdirSync(_outDir, {recursive: true});
for (const [name, bytes] of Object.entries(_fixtures)) {
	writeFileSync(join(_outDir, name), bytes);
	console.log(`${name}: ${bytes.length} bytes`);
}
