import {IngestError} from '../../../errors.js';

const _oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** CFB directory entries are 128 bytes: a UTF-16LE name (64 bytes), then its byte length with the NUL. */
const _directoryEntryBytes = 128;

/** Whether bytes start with the OLE/CFB (Compound File Binary) signature. */
function _isOleContainer(bytes: Uint8Array): boolean {
	return bytes.length >= 512 && _oleMagic.every((byte, index) => bytes[index] === byte);
}

/**
 * Whether a CFB file has a stream or storage called `name`. Directory sectors start at multiples of
 * the sector size (512 or 4096 bytes), so every directory entry starts at a multiple of 128 bytes;
 * checking the name and its length field there finds the entry without walking the sector chains.
 */
function _hasOleEntry(bytes: Uint8Array, name: string): boolean {
	const encoded = Buffer.from(`${name}\0`, 'utf16le');
	const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let start = 512; start + _directoryEntryBytes <= view.length; start += _directoryEntryBytes) {
		if (view.readUInt16LE(start + 64) === encoded.length && view.compare(encoded, 0, encoded.length, start, start + encoded.length) === 0) {
			return true;
		}
	}
	return false;
}

/**
 * Refuses an OLE/CFB container: Word stores a password-protected DOCX as a CFB file holding an
 * `EncryptedPackage` stream (E_ENCRYPTED); any other CFB file, such as a legacy Word 97-2003 .doc,
 * is not a format precis reads (E_UNSUPPORTED_FORMAT). Returns quietly for anything else.
 */
export function assertNotOleContainer(bytes: Uint8Array, path: string): void {
	if (!_isOleContainer(bytes)) return;
	if (_hasOleEntry(bytes, 'EncryptedPackage')) {
		throw new IngestError('E_ENCRYPTED', path, `${path} is a password-protected Office document; remove the password in Word (File > Info > Protect Document) and save it again`);
	}
	const kind = _hasOleEntry(bytes, 'WordDocument') ? 'a legacy Word 97-2003 .doc file' : 'an OLE/CFB compound file (a legacy Office format)';
	throw new IngestError('E_UNSUPPORTED_FORMAT', path, `${path} is ${kind}, not a DOCX; save it as .docx and try again`);
}
