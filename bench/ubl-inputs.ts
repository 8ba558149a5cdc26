import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { buildUbl } from '../lib/ubl/build';
import { fromBillitOrder } from '../lib/ubl/from-billit';
import { COMPANY, line, salesOrder } from '../test/support/ubl/billit-orders';

const FIXTURE_DIR = join(__dirname, '..', 'test', 'fixtures', 'ubl');

export interface NamedXml {
	name: string;
	xml: Buffer;
}

/** The OpenPeppol example documents the unit tests use. */
export function readUblFixtures(): NamedXml[] {
	return readdirSync(FIXTURE_DIR)
		.filter((name) => name.endsWith('.xml'))
		.sort()
		.map((name) => ({ name, xml: readFileSync(join(FIXTURE_DIR, name)) }));
}

/** A valid Peppol invoice with `lineCount` lines at three VAT rates, built through lib/ubl. */
export function largeInvoice(lineCount: number): NamedXml {
	const rates = [21, 12, 6];
	const lines = Array.from({ length: lineCount }, (_, index) =>
		line({
			Description: `Article ${index + 1}: spare part with a descriptive name`,
			Quantity: 1 + (index % 7),
			UnitPriceExcl: 3.5 + (index % 40) * 1.25,
			VATPercentage: rates[index % rates.length],
			Unit: 'piece',
		}),
	);
	const document = fromBillitOrder(salesOrder({ OrderLines: lines }), COMPANY);
	return { name: `invoice-${lineCount}-lines.xml`, xml: buildUbl(document) };
}
