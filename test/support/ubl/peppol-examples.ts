/**
 * The official Peppol BIS Billing 3.0 example documents kept in test/fixtures/ubl, read once each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '../../fixtures/ubl');

export const FIXTURE_NAMES = [
	'Allowance-example.xml',
	'Norwegian-example-1.xml',
	'Snippet-cn.xml',
	'Snippet-full.xml',
	'Vat-category-S.xml',
	'base-creditnote-correction.xml',
	'base-example.xml',
	'base-negative-inv-correction.xml',
	'sales-order-example.xml',
	'vat-category-E.xml',
	'vat-category-O.xml',
	'vat-category-Z.xml',
] as const;

export type FixtureName = (typeof FIXTURE_NAMES)[number];

const cache = new Map<string, string>();

export function fixture(name: FixtureName): string {
	let xml = cache.get(name);
	if (xml === undefined) {
		xml = readFileSync(join(FIXTURES, name), 'utf8');
		cache.set(name, xml);
	}
	return xml;
}
