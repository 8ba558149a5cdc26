import { UblXmlError, type XmlPosition } from './errors';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const lead = bytes[i];
		if (lead < 0x80) {
			i += 1;
			continue;
		}
		let length: number;
		let min: number;
		if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
		else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
		else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
		else return i;
		if (i + length > bytes.length) return i;
		let codePoint = lead & (0xff >> (length + 1));
		for (let k = 1; k < length; k++) {
			const next = bytes[i + k];
			if ((next & 0xc0) !== 0x80) return i;
			codePoint = (codePoint << 6) | (next & 0x3f);
		}
		const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
		if (codePoint < min || codePoint > 0x10ffff || surrogate) return i;
		i += length;
	}
	return -1;
}

/** One-based line and column (in characters) of a byte offset inside valid UTF-8 text. */
function positionOfByte(bytes: Uint8Array, offset: number): XmlPosition {
	const before = Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString('utf8');
	const lastNewline = before.lastIndexOf('\n');
	const line = before.split('\n').length;
	return { line, column: [...before.slice(lastNewline + 1)].length + 1 };
}

function looksLikeUtf16Or32(bytes: Uint8Array): boolean {
	const bom16 = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe);
	const nulInPrologue = Array.from(bytes.subarray(0, 4)).includes(0);
	return bom16 || nulInPrologue;
}

/**
 * Decodes bytes that must be UTF-8 (Peppol requires it). A UTF-8 byte order mark is dropped;
 * UTF-16/32 input and invalid byte sequences are refused with the position of the first bad byte.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string {
	if (looksLikeUtf16Or32(bytes)) {
		throw new UblXmlError(
			'The document is UTF-16 or UTF-32 encoded; Peppol UBL must be UTF-8',
			{ line: 1, column: 1 },
		);
	}
	const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
	const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
	try {
		return FATAL_UTF8.decode(body);
	} catch {
		// The native decoder says only that something is wrong; find where, for the error message.
		throw invalidUtf8Error(body, hasBom);
	}
}

function invalidUtf8Error(body: Uint8Array, hasBom: boolean): UblXmlError {
	const invalidAt = Math.max(findInvalidUtf8(body), 0);
	const byte = (body[invalidAt] ?? 0).toString(16).toUpperCase().padStart(2, '0');
	return new UblXmlError(
		`The document is not valid UTF-8: byte 0x${byte} at offset ${invalidAt + (hasBom ? UTF8_BOM.length : 0)} cannot start or continue a UTF-8 character (Latin-1 or Windows-1252 text?)`,
		positionOfByte(body, invalidAt),
	);
}
