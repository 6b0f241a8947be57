import test from 'ava';
import {zipSync} from 'fflate';
import {sniffFormat} from '../../../src/ingest/sniffFormat.js';

test('format comes from content, not the name', t => {
	t.is(sniffFormat(Buffer.from('%PDF-1.7\n...')), 'pdf');
	t.is(sniffFormat(Buffer.concat([Buffer.from('junk before header\n'), Buffer.from('%PDF-1.4')])), 'pdf');
	t.is(sniffFormat(zipSync({'[Content_Types].xml': Buffer.from('<x/>'), 'word/document.xml': Buffer.from('<w/>')})), 'docx');
	t.is(sniffFormat(zipSync({'photo.jpg': Buffer.from('not a docx')})), 'zip-other');
	t.is(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'docx');
	t.is(sniffFormat(Buffer.from('Plain words.')), 'text');
});

test('PNG, JPEG and TIFF (both byte orders) are images, read by OCR', t => {
	t.is(sniffFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), 'image');
	t.is(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image');
	t.is(sniffFormat(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])), 'image');
	t.is(sniffFormat(Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])), 'image');
	t.is(sniffFormat(Buffer.from('PNG is mentioned in this text')), 'text');
});
