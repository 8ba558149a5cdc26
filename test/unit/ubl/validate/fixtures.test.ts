import { describe, expect, it } from 'vitest';

import { UblDocumentError } from '../../../../lib/ubl/errors';
import { validateUbl } from '../../../../lib/ubl/validate';
import { parseXml } from '../../../../lib/ubl/xml';
import { edit, FIXTURE_NAMES, fixture } from './helpers';

describe('validateUbl on the official Peppol BIS 3.0 examples', () => {
	it.each(FIXTURE_NAMES)('%s has no errors and no warnings', (name) => {
		const result = validateUbl(fixture(name));
		expect(result.errors).toEqual([]);
		expect(result.warnings).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('accepts a parsed tree and bytes as well as a string', () => {
		const xml = fixture('base-example.xml');
		expect(validateUbl(parseXml(xml)).valid).toBe(true);
		expect(validateUbl(Buffer.from(xml, 'utf8')).valid).toBe(true);
	});

	it('reports rule id, severity, message, element path and line', () => {
		const xml = edit(fixture('base-example.xml'), '<cbc:ID>Snippet1</cbc:ID>', '');
		const result = validateUbl(xml);
		expect(result.valid).toBe(false);
		expect(result.errors).toEqual([
			{
				rule: 'BR-02',
				severity: 'fatal',
				message: 'An Invoice shall have an Invoice number (BT-1).',
				path: '/Invoice/cbc:ID',
				line: 2,
			},
		]);
	});

	it('locates repeated elements by position', () => {
		const xml = edit(fixture('base-example.xml'), '<cbc:LineExtensionAmount currencyID="EUR">-1500</cbc:LineExtensionAmount>', '<cbc:LineExtensionAmount currencyID="EUR">-1500.001</cbc:LineExtensionAmount>');
		const issue = validateUbl(xml).errors.find((error) => error.rule === 'BR-DEC-23');
		expect(issue?.path).toBe('/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount');
		expect(issue?.line).toBeGreaterThan(180);
	});

	it('puts warning-level rules into warnings and keeps the document valid', () => {
		const xml = edit(
			fixture('base-example.xml'),
			'<cbc:PaymentID>Snippet1</cbc:PaymentID>',
			'<cbc:PaymentID>Snippet1</cbc:PaymentID><cac:CardAccount><cbc:PrimaryAccountNumberID>1234567890123456</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID></cac:CardAccount>',
		);
		const result = validateUbl(xml);
		expect(result.valid).toBe(true);
		expect(result.warnings.map((warning) => [warning.rule, warning.severity])).toEqual([['BR-51', 'warning']]);
	});

	it('refuses a document that is not an invoice or credit note', () => {
		expect(() => validateUbl('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>')).toThrow(UblDocumentError);
	});
});
