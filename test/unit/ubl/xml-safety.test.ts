import { describe, expect, it } from 'vitest';

import { UblXmlError } from '../../../lib/ubl/errors';
import { parseUbl } from '../../../lib/ubl/parse';
import { parseXml } from '../../../lib/ubl/xml';
import { readFixture } from './fixtures';

function failureOf(input: Buffer | string, options?: Parameters<typeof parseXml>[1]): UblXmlError {
	try {
		parseXml(input, options);
	} catch (error) {
		expect(error).toBeInstanceOf(UblXmlError);
		return error as UblXmlError;
	}
	throw new Error('expected the input to be refused');
}

const DOCTYPE_MESSAGE = /DOCTYPE declarations are refused/;

describe('XML safety', () => {
	it('refuses a DOCTYPE, pointing at it', () => {
		const error = failureOf('<?xml version="1.0"?>\n<!DOCTYPE Invoice>\n<Invoice/>');
		expect(error.message).toMatch(DOCTYPE_MESSAGE);
		expect([error.line, error.column]).toEqual([2, 1]);
	});

	it('refuses an internal entity declaration without expanding it', () => {
		const error = failureOf('<!DOCTYPE x [<!ENTITY company "Evil Corp">]>\n<x>&company;</x>');
		expect(error.message).toMatch(DOCTYPE_MESSAGE);
		expect(error.message).not.toContain('Evil Corp');
	});

	it('refuses an external entity pointing at /etc/passwd without reading it', () => {
		const xml = '<?xml version="1.0"?>\n  <!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<x>&xxe;</x>';
		const error = failureOf(xml);
		expect(error.message).toMatch(DOCTYPE_MESSAGE);
		expect(error.message).not.toMatch(/root:/);
		expect([error.line, error.column]).toEqual([2, 3]);
	});

	it('refuses billion laughs at the DOCTYPE, before any expansion', () => {
		const levels = Array.from({ length: 10 }, (_, level) =>
			level === 0
				? '<!ENTITY lol0 "lol">'
				: `<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`,
		).join('\n');
		const error = failureOf(`<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${levels}\n]>\n<lolz>&lol9;</lolz>`);
		expect(error.message).toMatch(DOCTYPE_MESSAGE);
	});

	it('refuses entity references that no DTD declares', () => {
		const error = failureOf('<x>\n  <y>&undeclared;</y>\n</x>');
		expect(error.message).toMatch(/undefined entity.*entities cannot be declared/);
		expect(error.line).toBe(2);
	});

	it('still reads the predefined entities and character references', () => {
		expect(parseXml('<x>a &amp; b &lt; c &#233;</x>').text).toBe('a & b < c é');
	});

	it('refuses input above the size limit before parsing it', () => {
		const fixture = readFixture('base-example.xml');
		const error = failureOf(fixture, { maxBytes: 1000 });
		expect(error.message).toBe(
			`The document is ${fixture.length} bytes, above the limit of 1000 bytes; raise the size limit if it is expected`,
		);
		expect(() => parseXml(fixture, { maxBytes: fixture.length })).not.toThrow();
	});

	it('measures the size limit in UTF-8 bytes for string input too', () => {
		expect(failureOf(`<x>${'é'.repeat(600)}</x>`, { maxBytes: 1000 }).message).toMatch(/1207 bytes/);
	});

	it('refuses a truncated document, naming the unclosed element and where the input ended', () => {
		const fixture = readFixture('base-example.xml').toString('utf8');
		// Cut in the middle of the customer's `<cac:Party>` tag.
		const cut = fixture.indexOf('<cac:Party>', fixture.indexOf('<cac:AccountingCustomerParty>')) + 4;
		const error = failureOf(fixture.slice(0, cut));
		expect(error.message).toMatch(/^The XML ends before <cac:AccountingCustomerParty> is closed \(truncated document\?\)/);
		expect(error.line).toBe(fixture.slice(0, cut).split('\n').length);
		expect(error.column).toBeGreaterThan(1);
	});

	it('refuses Latin-1 bytes with the line and column of the first bad byte', () => {
		const error = failureOf(Buffer.from('<?xml version="1.0"?>\n<x>\n  Caf\xe9</x>', 'latin1'));
		expect(error.message).toMatch(/not valid UTF-8: byte 0xE9 at offset 31/);
		expect([error.line, error.column]).toEqual([3, 6]);
	});

	it('refuses UTF-16 with and without a byte order mark', () => {
		for (const text of ['\ufeff<?xml version="1.0" encoding="UTF-16"?><x/>', '<?xml version="1.0"?><x/>']) {
			const error = failureOf(Buffer.from(text, 'utf16le'));
			expect(error.message).toBe('The document is UTF-16 or UTF-32 encoded; Peppol UBL must be UTF-8 (line 1, column 1)');
		}
	});

	it('refuses a declared encoding other than UTF-8, and accepts a UTF-8 byte order mark', () => {
		expect(failureOf('<?xml version="1.0" encoding="ISO-8859-1"?><x/>').message).toMatch(
			/encoding="ISO-8859-1"; Peppol UBL must be UTF-8/,
		);
		const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0" encoding="utf-8"?><x/>')]);
		expect(parseXml(withBom).name).toBe('x');
	});

	it('refuses binary garbage and other formats with a clear reason', () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(failureOf(png).message).toMatch(/not valid UTF-8: byte 0x89 at offset 0/);
		expect(failureOf('%PDF-1.7\n%âãÏÓ').message).toMatch(/not XML: it does not start with "<"/);
		expect(failureOf('{"Invoice": 1}').message).toMatch(/not XML/);
		const control = failureOf('<x>\n\u0001</x>');
		expect(control.message).toMatch(/not well-formed: disallowed character/);
		expect([control.line, control.column]).toEqual([2, 1]);
	});

	it('refuses empty input and malformed XML with positions', () => {
		expect(failureOf('  ').message).toBe('The document is empty (line 1, column 1)');
		const mismatch = failureOf('<a>\n  <b></c>\n</a>');
		expect(mismatch.message).toMatch(/not well-formed/);
		expect(mismatch.line).toBe(2);
		expect(failureOf('<a:x/>').message).toMatch(/unbound namespace prefix/);
	});

	it('refuses nesting deeper than the limit', () => {
		const deep = `${'<a>'.repeat(30)}${'</a>'.repeat(30)}`;
		expect(failureOf(deep, { maxDepth: 20 }).message).toMatch(/nested deeper than 20 levels/);
	});

	it('applies the same checks through parseUbl', () => {
		expect(() => parseUbl('<!DOCTYPE Invoice><Invoice/>')).toThrow(DOCTYPE_MESSAGE);
		expect(() => parseUbl(readFixture('base-example.xml'), { maxBytes: 10 })).toThrow(/above the limit of 10 bytes/);
	});
});
