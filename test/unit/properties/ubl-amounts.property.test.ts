import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildUbl } from '../../../lib/ubl/build';
import type { CommercialDocument } from '../../../lib/ubl/model';
import { parseUbl } from '../../../lib/ubl/parse';
import { validateUbl } from '../../../lib/ubl/validate';
import { canonicalLines } from '../ubl/canonical-xml';
import { readFixture } from '../ubl/fixtures';
import { amountInvoice, type AmountLine } from '../../support/ubl/large-amounts';
import { assertProperty } from './settings';

const fatalIds = (xml: string, release: '2025.5' | '2026.5') => [...new Set(validateUbl(xml, { release }).errors.map((issue) => issue.rule))].sort();

/** Decimal text with up to `whole` integer digits and up to `fraction` fraction digits. */
const decimal = (whole: number, fraction: number) =>
	fc
		.tuple(fc.bigInt({ min: 0n, max: 10n ** BigInt(whole) - 1n }), fc.nat({ max: fraction }), fc.bigInt({ min: 0n, max: 10n ** BigInt(fraction) - 1n }))
		.map(([units, digits, fractionValue]) => (digits === 0 ? `${units}` : `${units}.${(fractionValue % 10n ** BigInt(digits)).toString().padStart(digits, '0')}`));

/** Zero-rated lines may be huge; standard-rated ones stay below 2^53, where the official BR-S-08 computes exactly. */
const line: fc.Arbitrary<AmountLine> = fc.oneof(
	fc.record({ quantity: decimal(20, 4), price: decimal(8, 9), category: fc.constant('Z' as const), percent: fc.constant('0') }),
	fc.record({ quantity: decimal(9, 3), price: decimal(5, 6), category: fc.constant('S' as const), percent: fc.constantFrom('21', '6', '7.7', '12.5', '0.5') }),
);
const lines = fc.array(line, { minLength: 1, maxLength: 4 });

describe('huge and many-decimal amounts (properties)', () => {
	it('a document whose totals are computed exactly is valid in both releases', () => {
		assertProperty(
			fc.property(lines, (generated) => {
				const xml = amountInvoice({ lines: generated });
				expect(fatalIds(xml, '2025.5')).toEqual([]);
				expect(fatalIds(xml, '2026.5')).toEqual([]);
			}),
			60,
		);
	});

	it('one cent more on the line total or the amount due breaks exactly the rule that checks it', () => {
		assertProperty(
			fc.property(lines, fc.constantFrom('0.01', '-0.01'), (generated, by) => {
				expect(fatalIds(amountInvoice({ lines: generated, tamper: { field: 'lineTotal', by } }), '2026.5')).toEqual(['BR-CO-10']);
				expect(fatalIds(amountInvoice({ lines: generated, tamper: { field: 'payable', by } }), '2026.5')).toEqual(['BR-CO-16']);
			}),
			40,
		);
	});
});

describe('written values (properties)', () => {
	const base = readFixture('base-example.xml').toString('utf8');
	const leaves = [...base.matchAll(/<(cbc:\w+)([^>]*)>([^<]+)<\/\1>/g)];
	const space = fc.constantFrom(' ', '  ', '\n', '\t', '\n    ');

	it('whitespace around any value comes back from parse → build → parse as written', () => {
		assertProperty(
			fc.property(fc.uniqueArray(fc.nat({ max: leaves.length - 1 }), { minLength: 1, maxLength: 5 }), space, space, (picked, before, after) => {
				let xml = base;
				for (const index of [...picked].sort((a, b) => b - a)) {
					const match = leaves[index];
					const start = (match.index ?? 0) + match[0].indexOf('>') + 1;
					xml = `${xml.slice(0, start)}${before}${match[3]}${after}${xml.slice(start + match[3].length)}`;
				}
				const original = parseUbl(xml);
				const rebuilt = parseUbl(buildUbl(original.document as CommercialDocument));
				expect(canonicalLines(rebuilt.xml)).toEqual(canonicalLines(original.xml));
				expect(rebuilt.document).toEqual(original.document);
			}),
			60,
		);
	});
});
