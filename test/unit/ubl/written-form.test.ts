import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { buildUbl } from '../../../lib/ubl/build';
import type { CommercialDocument } from '../../../lib/ubl/model';
import { parseUbl } from '../../../lib/ubl/parse';
import { FIXTURE_DIRECTORY } from './fixtures';

function commercial(file: string): CommercialDocument {
	const parsed = parseUbl(readFileSync(join(FIXTURE_DIRECTORY, file)));
	if (parsed.kind === 'ApplicationResponse') throw new Error('expected an invoice');
	return parsed.document;
}

const rootChildren = (xml: Buffer) => parseUbl(xml).xml.children.map((child) => child.local);

describe('the written form of a parsed document', () => {
	it('is absent when the document writes what the builder writes', () => {
		expect(commercial('base-example.xml').written).toBeUndefined();
	});

	it('keeps a boolean written 0 and whitespace around values, while the model holds the plain values', () => {
		const document = commercial('official-examples/en16931/ubl-tc434-example2.xml');
		expect(document.allowanceCharges?.[0].chargeIndicator).toBe(false);
		expect(Object.values(document.written?.texts ?? {})).toContain('0');
		expect(buildUbl(document).toString()).toContain('<cbc:ChargeIndicator>0</cbc:ChargeIndicator>');

		const guide = commercial('official-examples/en16931/guide-example1.xml');
		expect(guide.lines.map((line) => line.item.name)).toContain('KOFFIE BLIK 3,5KG SNELF');
		expect(buildUbl(guide).toString()).toContain('<cbc:Name>KOFFIE BLIK 3,5KG SNELF </cbc:Name>');
	});

	it('keeps elements out of schema order where they were', () => {
		const document = commercial('official-examples/peppol-bis-invoice-3/GR-base-example-correct.xml');
		const order = rootChildren(buildUbl(document));
		expect(order.indexOf('AdditionalDocumentReference')).toBeGreaterThan(order.indexOf('AccountingCustomerParty'));
	});

	it('gives way to the model once a value or an element changes', () => {
		const example2 = commercial('official-examples/en16931/ubl-tc434-example2.xml');
		const charge = { ...example2.allowanceCharges![0], chargeIndicator: true };
		const edited = { ...example2, allowanceCharges: [charge, ...example2.allowanceCharges!.slice(1)] };
		expect(buildUbl(edited).toString()).not.toContain('<cbc:ChargeIndicator>0</cbc:ChargeIndicator>');

		const guide = commercial('official-examples/en16931/guide-example1.xml');
		const renamed = { ...guide, lines: guide.lines.map((line) => (line.item.name === 'KOFFIE BLIK 3,5KG SNELF' ? { ...line, item: { ...line.item, name: 'Coffee' } } : line)) };
		expect(buildUbl(renamed).toString()).toContain('<cbc:Name>Coffee</cbc:Name>');

		const greek = commercial('official-examples/peppol-bis-invoice-3/GR-base-example-correct.xml');
		const order = rootChildren(buildUbl({ ...greek, additionalDocuments: greek.additionalDocuments!.slice(1) }));
		expect(order.indexOf('AdditionalDocumentReference')).toBeLessThan(order.indexOf('AccountingSupplierParty'));
	});
});
