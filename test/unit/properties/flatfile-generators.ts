import fc from 'fast-check';

import type { Order } from '../../../lib/billit/types';
import { firstControlCharacter } from '../../../lib/text/control-characters';

/** Every character class a partner file can hold: service characters, controls, bidi, astral, BOM. */
export const HOSTILE_CHARACTERS = [
	',', ';', '"', "'", '*', '~', ':', '+', '?', '^', '>', '\\', '.', '-', '=', '@', '\t', '\r', '\n', '\r\n',
	'\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u2066', '\u200f',
	'\ufeff', 'é', 'ß', '€', '😀', '𝔘', 'e\u0301', ' ', '0', '9', 'UNA', 'UNB', 'ISA', 'UNZ', 'IEA',
];

/** A string mixing hostile characters with ordinary text. */
export const hostileText = fc
	.array(fc.oneof(fc.constantFrom(...HOSTILE_CHARACTERS), fc.string({ maxLength: 4 })), { maxLength: 12 })
	.map((parts) => parts.join(''));

/** A string that holds no control character: what fixed width and EDI writers must accept. */
export const printableText = fc
	.string({ unit: 'grapheme', maxLength: 12 })
	.filter((text) => firstControlCharacter(text) === undefined);

/** Amount text no reader may accept as a number. */
export const notAnAmount = fc.oneof(
	fc.integer({ min: 16, max: 400 }).map((digits) => '9'.repeat(digits)),
	fc.constantFrom('Infinity', '-Infinity', 'NaN', '-0', '-0.00', '-.0', '1e5', '1E-2', '0x1F', '1_000', '١٢', '--1', '+-1', '1.2.3', ''),
);

/** An amount in cents as a number with at most two decimals. */
export const cents = fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }).map((value) => value / 100);

const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

/** An invoice as Billit's Get Many gives it, with values the EDI writers must carry. */
export function invoice(text: fc.Arbitrary<string>): fc.Arbitrary<Order> {
	const line = fc.record({
		Quantity: fc.integer({ min: 1, max: 100_000 }).map((value) => value / 100),
		UnitPriceExcl: cents.map(Math.abs),
		Description: text.filter((value) => value.trim() !== ''),
		VATPercentage: fc.constantFrom(0, 6, 12, 21),
		TotalVAT: cents.map(Math.abs),
	});
	return fc.record({
		OrderNumber: fc.stringMatching(/^[A-Z0-9][A-Z0-9/-]{0,11}$/),
		OrderDate: day,
		ExpiryDate: day,
		OrderType: fc.constantFrom('Invoice', 'CreditNote'),
		Currency: fc.constantFrom('EUR', 'USD'),
		Reference: text.filter((value) => value.trim() !== ''),
		Customer: fc.record({ Name: text.filter((value) => value.trim() !== '') }),
		OrderLines: fc.array(line, { minLength: 1, maxLength: 4 }),
		TotalVAT: cents.map(Math.abs),
		TotalIncl: cents.map(Math.abs),
	}) as fc.Arbitrary<Order>;
}

/** Random edits of a text: characters inserted, removed or replaced at random places. */
export function mutated(base: string): fc.Arbitrary<string> {
	const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: hostileText });
	return fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) =>
		edits.reduce((text, { at, remove, insert }) => {
			const position = at % (text.length + 1);
			return text.slice(0, position) + insert + text.slice(position + remove);
		}, base),
	);
}
