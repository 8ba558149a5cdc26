import { describe, expect, it } from 'vitest';

import { buildUbl } from '../../../lib/ubl/build';
import type { CommercialDocument } from '../../../lib/ubl/model';
import { parseUbl, type ParsedUbl } from '../../../lib/ubl/parse';
import type { XmlElement } from '../../../lib/ubl/xml';
import { listElementPaths, walkElements } from '../../support/ubl/element-paths';
import { FIXTURE_NAMES, readFixture } from './fixtures';

/**
 * Element paths of the fixture that the JSON model drops on purpose, each with the reason. Empty:
 * the model keeps every element the twelve OpenPeppol examples use.
 */
const DELIBERATELY_DROPPED_PATHS: Record<string, string> = {};

function commercial(parsed: ParsedUbl): CommercialDocument {
	if (parsed.kind === 'ApplicationResponse') throw new Error('expected an invoice or credit note');
	return parsed.document;
}

/** Each element path with its attribute names, e.g. `/Invoice/cbc:ID@schemeID`. */
function pathsWithAttributes(root: XmlElement): string[] {
	const result: string[] = [];
	walkElements(root, (element, path) => {
		const attributes = Object.keys(element.attributes).sort().join(',');
		result.push(`${path.replace(/\[\d+\]/g, '')}@${attributes}`);
	});
	return result;
}

function keyFields(document: CommercialDocument) {
	return {
		kind: document.kind,
		id: document.id,
		currency: document.currency,
		totals: document.totals,
		taxTotal: document.taxTotal,
		lineCount: document.lines.length,
		lineAmounts: document.lines.map((line) => [line.id, line.quantity, line.lineExtensionAmount, line.price.amount]),
		seller: document.seller,
		buyer: document.buyer,
		identifiers: [document.seller.endpoint, document.buyer.endpoint, document.seller.companyId, document.buyer.companyId],
		attachments: document.additionalDocuments,
	};
}

describe('the twelve OpenPeppol BIS Billing 3.0 examples', () => {
	it('are all present in the repository', () => {
		expect(FIXTURE_NAMES).toHaveLength(12);
	});

	describe.each(FIXTURE_NAMES)('%s', (name) => {
		const original = parseUbl(readFixture(name));
		const rebuilt = parseUbl(buildUbl(original.document));

		it('parses as an invoice or credit note with lines and a VAT breakdown', () => {
			const document = commercial(original);
			expect(['Invoice', 'CreditNote']).toContain(original.kind);
			expect(document.lines.length).toBeGreaterThan(0);
			expect(document.taxTotal.subtotals.length).toBeGreaterThan(0);
			expect(document.seller.registrationName).toBeTruthy();
		});

		it('keeps its key fields through parse → build → parse', () => {
			expect(keyFields(commercial(rebuilt))).toEqual(keyFields(commercial(original)));
			expect(rebuilt.attachments).toEqual(original.attachments);
		});

		it('keeps the whole model through parse → build → parse', () => {
			expect(rebuilt.document).toEqual(original.document);
		});

		it('is rebuilt with the same elements in the same order', () => {
			const expected = listElementPaths(original.xml).filter((path) => !(path in DELIBERATELY_DROPPED_PATHS));
			expect(listElementPaths(rebuilt.xml)).toEqual(expected);
		});

		it('is rebuilt with the same attributes on each element', () => {
			expect(pathsWithAttributes(rebuilt.xml)).toEqual(pathsWithAttributes(original.xml));
		});
	});

	it('decodes embedded attachments', () => {
		const parsed = parseUbl(readFixture('Snippet-full.xml'));
		expect(parsed.attachments).toEqual([
			{
				documentId: 'mr4343',
				filename: 'milage.csv',
				mimeCode: 'text/csv',
				description: 'milage report',
				content: Buffer.from('milage report'),
			},
		]);
	});

	it('reads a credit note with its own element names and the preceding invoice', () => {
		const document = commercial(parseUbl(readFixture('base-creditnote-correction.xml')));
		expect(document.kind).toBe('CreditNote');
		expect(document.typeCode).toBe('381');
		expect(document.billingReferences?.[0].id).toBeTruthy();
		expect(document.lines.every((line) => line.quantity !== undefined)).toBe(true);
	});

	it('keeps the tax currency total apart from the document currency total', () => {
		const document = commercial(parseUbl(readFixture('Snippet-full.xml')));
		expect(document.taxTotal.taxAmount).toBe('1000.00');
		expect(document.taxCurrency).toBe('SEK');
		expect(document.taxTotalInTaxCurrency).toBe('100017.50');
	});

	it('writes monetary amounts as the document wrote them, with their currency', () => {
		const xml = buildUbl(parseUbl(readFixture('Snippet-full.xml')).document).toString('utf8');
		expect(xml).toContain('<cbc:TaxableAmount currencyID="EUR">4000.0</cbc:TaxableAmount>');
		expect(xml).toContain('<cbc:TaxAmount currencyID="SEK">100017.50</cbc:TaxAmount>');
		expect(xml).toContain('<cbc:Percent>25</cbc:Percent>');
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
	});
});
