import { describe, expect, it } from 'vitest';

import { decodeUtf8Strict, findInvalidUtf8 } from '../../../lib/ubl/utf8';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('findInvalidUtf8', () => {
	it('accepts one- to four-byte characters', () => {
		expect(findInvalidUtf8(Buffer.from('a é € 😀'))).toBe(-1);
	});

	it.each([
		['a lone continuation byte', bytes(0x41, 0x80), 1],
		['an overlong encoding of "/"', bytes(0xc0, 0xaf), 0],
		['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
		['a UTF-16 surrogate', bytes(0x41, 0xed, 0xa0, 0x80), 1],
		['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
		['a sequence cut off at the end', bytes(0x41, 0x42, 0xe2, 0x82), 2],
		['a Windows-1252 quote', bytes(0x93, 0x41), 0],
	])('finds %s', (_label, input, offset) => {
		expect(findInvalidUtf8(input)).toBe(offset);
	});
});

describe('decodeUtf8Strict', () => {
	it('drops a UTF-8 byte order mark', () => {
		expect(decodeUtf8Strict(Buffer.from('\ufeff<x/>', 'utf8'))).toBe('<x/>');
	});

	it('reports the offset after a byte order mark and the character column', () => {
		const input = Buffer.concat([Buffer.from('\ufeff<x>\n€€', 'utf8'), bytes(0xff)]);
		expect(() => decodeUtf8Strict(input)).toThrow(
			'The document is not valid UTF-8: byte 0xFF at offset 13 cannot start or continue a UTF-8 character (Latin-1 or Windows-1252 text?) (line 2, column 3)',
		);
	});
});
