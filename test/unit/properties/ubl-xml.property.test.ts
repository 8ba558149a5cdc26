import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildUbl } from '../../../lib/ubl/build';
import { UblBuildError, UblDocumentError, UblXmlError } from '../../../lib/ubl/errors';
import type { CommercialDocument } from '../../../lib/ubl/model';
import { parseUbl } from '../../../lib/ubl/parse';
import { validateUbl } from '../../../lib/ubl/validate';
import { parseXml } from '../../../lib/ubl/xml';
import { readFixture } from '../ubl/fixtures';
import { expectLinearTime } from './linear-time';
import { assertProperty } from './settings';

const BASE = readFixture('base-example.xml').toString('utf8');

/** The base invoice with n namespace declarations: half on the root, half on one note each. */
export function manyNamespaceDeclarations(n: number): string {
	const half = Math.floor(n / 2);
	const onRoot = Array.from({ length: half }, (_, i) => ` xmlns:r${i}="urn:example:r${i}"`).join('');
	const notes = Array.from({ length: half }, (_, i) => `<cbc:Note xmlns:n${i}="urn:example:n${i}">x</cbc:Note>`).join('');
	return BASE.replace('<Invoice ', `<Invoice${onRoot} `).replace('<cbc:DocumentCurrencyCode', `${notes}<cbc:DocumentCurrencyCode`);
}

/** Elements nested `depth` deep, each declaring a prefix, repeated `n` times under the root. */
function nestedDeclarations(n: number): string {
	const branch = Array.from({ length: 20 }, (_, i) => `<p${i}:e xmlns:p${i}="urn:example:${i}">`).join('') +
		Array.from({ length: 20 }, (_, i) => `</p${19 - i}:e>`).join('');
	return `<root xmlns:a="urn:a">${branch.repeat(Math.ceil(n / 20))}</root>`;
}

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

/** Characters that matter to XML, control characters, bidi overrides and astral characters. */
const hostileCharacter = fc.constantFrom(
	'<', '>', '&', '"', "'", '/', '=', ':', '!', '?', '[', ']', ';', '#', '\u0000', '\u0001', '\t', '\r', '\n',
	'\u007f', '\u0085', '\u202e', '\u2028', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udc00', '😀', 'xmlns', '<!DOCTYPE', ']]>', '<![CDATA[',
);

/** A document with random edits: characters inserted, removed or replaced at random places. */
function mutated(base: string) {
	const edit = fc.record({
		at: fc.nat(),
		remove: fc.nat({ max: 40 }),
		insert: fc.array(fc.oneof(hostileCharacter, fc.string({ maxLength: 3 })), { maxLength: 4 }).map((parts) => parts.join('')),
	});
	return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) =>
		edits.reduce((text, { at, remove, insert }) => {
			const position = at % (text.length + 1);
			return text.slice(0, position) + insert + text.slice(position + remove);
		}, base),
	);
}

function expectOnly(run: () => unknown, errorTypes: Array<new (...args: never[]) => Error>): void {
	try {
		run();
	} catch (error) {
		if (!errorTypes.some((type) => error instanceof type)) throw error;
	}
}

describe('UBL XML layer: properties', () => {
	it('parses and pre-validates in time linear in the number of namespace declarations', { timeout: 60_000 }, () => {
		expectLinearTime(manyNamespaceDeclarations, (xml) => validateUbl(xml), 2_000);
	});

	it('resolves nested namespace declarations in linear time', { timeout: 60_000 }, () => {
		expectLinearTime(nestedDeclarations, (xml) => parseXml(xml), 2_000);
	});

	it('refuses an undeclared prefix named like an object member, and resolves it once declared', () => {
		assertProperty(
			fc.property(fc.constantFrom(...PROTOTYPE_NAMES), fc.boolean(), (prefix, onAttribute) => {
				const undeclared = onAttribute ? `<a ${prefix}:x="1"/>` : `<${prefix}:a/>`;
				expect(() => parseXml(undeclared)).toThrow(/unbound namespace prefix/);
				const declared = parseXml(`<${prefix}:a xmlns:${prefix}="urn:declared" ${prefix}:x="1"><${prefix}:b/></${prefix}:a>`);
				expect(declared.ns).toBe('urn:declared');
				expect(declared.children[0].ns).toBe('urn:declared');
				expect(declared.attributes[`${prefix}:x`]).toBe('1');
			}),
			PROTOTYPE_NAMES.length * 2,
		);
	});

	it('fails a mutated invoice only with its own error types, never with another exception', () => {
		assertProperty(
			fc.property(mutated(BASE), (xml) => {
				expectOnly(() => parseXml(xml), [UblXmlError]);
				expectOnly(() => parseUbl(xml), [UblXmlError, UblDocumentError]);
				expectOnly(() => validateUbl(xml), [UblXmlError, UblDocumentError]);
			}),
			150,
		);
	});

	it('refuses deep nesting and huge repetitions with its own error', () => {
		assertProperty(
			fc.property(fc.integer({ min: 101, max: 5_000 }), fc.constantFrom('<a>', '<a:b xmlns:a="u">', '<a x="1">'), (depth, open) => {
				expect(() => parseXml(open.repeat(depth))).toThrow(UblXmlError);
			}),
			20,
		);
	});

	it('refuses an amount that is not a finite decimal, naming its element', () => {
		const notDecimal = fc.oneof(
			fc.integer({ min: 310, max: 2_000 }).map((digits) => '9'.repeat(digits)),
			fc.constantFrom('Infinity', '-Infinity', 'NaN', '1,000', '1e5', '0x10', '1_000', '١٢٣', ''),
		);
		assertProperty(
			fc.property(notDecimal, (amount) => {
				const xml = BASE.replace(/(<cbc:PayableAmount[^>]*>)[^<]*/, `$1${amount}`);
				expect(() => parseUbl(xml)).toThrow(/PayableAmount/);
				expect(() => parseUbl(xml)).toThrow(UblDocumentError);
			}),
			60,
		);
	});

	it('regression (seed 20261205): a control character or lone surrogate fails the build with UblBuildError', () => {
		const base = parseUbl(BASE);
		for (const name of ['\u0000x', 'x\ud800', '\udc00x']) {
			const document = structuredClone(base.document) as CommercialDocument;
			document.seller = { ...document.seller, name };
			expect(() => buildUbl(document)).toThrow(UblBuildError);
		}
	});

	it('round-trips any text it accepts: build, then parse, gives the same document', () => {
		const base = parseUbl(BASE);
		if (base.kind !== 'Invoice') throw new Error('the base fixture is an invoice');
		const text = fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\r', '\r\n', '\u202e', '\ud800', '😀', '&', '<', ']]>'), fc.string({ unit: 'grapheme', maxLength: 1 })), minLength: 1, maxLength: 20 }).filter((value) => value.trim() !== '');
		assertProperty(
			fc.property(text, text, text, (sellerName, note, itemName) => {
				const document: CommercialDocument = structuredClone(base.document);
				document.seller = { ...document.seller, name: sellerName };
				document.notes = [note];
				document.lines[0] = { ...document.lines[0], item: { ...document.lines[0].item, name: itemName } };
				let xml: Buffer;
				try {
					xml = buildUbl(document);
				} catch (error) {
					expect(error).toBeInstanceOf(UblBuildError);
					return;
				}
				const again = parseUbl(xml);
				expect(again.document).toEqual(parseUbl(buildUbl(again.document as CommercialDocument)).document);
				expect((again.document as CommercialDocument).seller.name).toBe(sellerName.trim());
				expect((again.document as CommercialDocument).lines[0].item.name).toBe(itemName.trim());
			}),
			200,
		);
	});
});
