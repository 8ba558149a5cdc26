import { FlatFileError, lineLocation } from './errors';

/** UTF-8, or ISO-8859-1 (Latin-1) for older ERPs. */
export type TextEncodingName = 'utf-8' | 'latin1';

const BOM = '\uFEFF';

/** Partner files above this many bytes are refused before decoding, as UBL documents are. */
export const DEFAULT_MAX_PARTNER_FILE_BYTES = 20 * 1024 * 1024;

/** Line number (1-based) of a byte offset, counting LF bytes before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
	return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let low = 0;
	let high = bytes.length;
	// Binary search for the shortest prefix that fails; a valid prefix may end mid-sequence, so
	// "stream" decoding keeps incomplete trailing sequences from counting as errors.
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		try {
			decoder.decode(bytes.subarray(0, middle + 1), { stream: true });
			decoder.decode();
			low = middle + 1;
		} catch {
			high = middle;
		}
	}
	return low;
}

/**
 * Decodes a partner file. UTF-8 is strict: a file saved in another encoding fails with the line of
 * the first byte that is not UTF-8, instead of turning into replacement characters.
 */
export function decodeText(
	bytes: Uint8Array,
	encoding: TextEncodingName = 'utf-8',
	maxBytes = DEFAULT_MAX_PARTNER_FILE_BYTES,
): string {
	if (bytes.length > maxBytes) {
		throw new FlatFileError(
			`The file is ${bytes.length} bytes, above the limit of ${maxBytes} bytes for partner files; raise "Maximum File Size" if it is expected`,
		);
	}
	let text: string;
	if (encoding === 'utf-8') {
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			throw notUtf8(bytes);
		}
	} else {
		text = Buffer.from(bytes).toString('latin1');
	}
	return text.startsWith(BOM) ? text.slice(1) : text;
}

function notUtf8(bytes: Uint8Array): FlatFileError {
	const offset = firstInvalidUtf8(bytes);
	return new FlatFileError(
		`The file is not valid UTF-8: byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset}; choose the file's encoding (for example Latin-1)`,
		lineLocation(lineOfByte(bytes, offset)),
	);
}

export function encodeText(text: string, encoding: TextEncodingName = 'utf-8'): Buffer {
	if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
	const unwritable = [...text].find((char) => char.codePointAt(0)! > 0xff);
	if (unwritable) {
		throw new FlatFileError(
			`The character "${unwritable}" cannot be written in Latin-1; choose UTF-8`,
		);
	}
	return Buffer.from(text, 'latin1');
}
