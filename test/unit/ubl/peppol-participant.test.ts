import { describe, expect, it } from 'vitest';
import { participantQuery, receivingVerdict } from '../../../lib/ubl/peppol-participant';

const INVOICE =
	'busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1';
const CREDIT_NOTE =
	'busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1';
const OLD_BIS2_INVOICE =
	'busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:www.cenbii.eu:transaction:biitrns010:ver2.0::2.1';

describe('participantQuery', () => {
	const belgian = { kind: 'belgianCompany', candidates: ['0208:0437299952', '9925:BE0437299952'] };

	it.each([
		'BE0437299952',
		'be 0437.299.952',
		'BE437299952',
		'0437.299.952',
		'437299952',
		'0208:0437299952',
		'9925:BE0437299952',
		'iso6523-actorid-upis::9925:be0437299952',
	])('checks Belgian company %s under both 0208 and 9925', (input) => {
		expect(participantQuery(input)).toEqual(belgian);
	});

	it('refuses Belgian numbers whose check digits do not match', () => {
		expect(() => participantQuery('BE0437299951')).toThrow(/not a valid Belgian company number/);
	});

	it('takes a GLN under 0088 and checks its check digit', () => {
		expect(participantQuery('5412345000013')).toEqual({ kind: 'gln', candidates: ['0088:5412345000013'] });
		expect(() => participantQuery('5412345000014')).toThrow(/not a valid GLN/);
	});

	it('maps another EU VAT number to its Peppol scheme', () => {
		expect(participantQuery('NL 8596.11.766.B01')).toEqual({ kind: 'vat', candidates: ['9944:NL859611766B01'] });
	});

	it('keeps any other explicit scheme:id as given', () => {
		expect(participantQuery(' 0190:00000000123456789012 ')).toEqual({
			kind: 'explicit',
			candidates: ['0190:00000000123456789012'],
		});
	});

	it('explains what it accepts when it cannot tell', () => {
		expect(() => participantQuery('hello')).toThrow(/scheme:id/);
		expect(() => participantQuery('  ')).toThrow(/required/);
	});
});

describe('receivingVerdict', () => {
	it('needs BIS Billing 3.0 document types for each verdict', () => {
		expect(receivingVerdict(true, [INVOICE, CREDIT_NOTE])).toEqual({
			canReceiveInvoices: true,
			canReceiveCreditNotes: true,
			verdict: 'Can receive invoices and credit notes',
		});
		expect(receivingVerdict(true, [INVOICE]).verdict).toBe('Can receive invoices, not credit notes');
		expect(receivingVerdict(true, ['BISv3Invoice', 'BISv3CreditNote']).verdict).toBe('Can receive invoices and credit notes');
		expect(receivingVerdict(true, ['BISv3Invoice', 'XRechnung3CreditNote']).verdict).toBe('Can receive invoices, not credit notes');
		expect(receivingVerdict(true, [CREDIT_NOTE]).verdict).toBe('Can receive credit notes, not invoices');
		expect(receivingVerdict(true, [OLD_BIS2_INVOICE])).toMatchObject({
			canReceiveInvoices: false,
			verdict: 'Registered on Peppol, but not for BIS Billing 3.0 invoices or credit notes',
		});
	});

	it('never says an unregistered participant can receive', () => {
		expect(receivingVerdict(false, [INVOICE, CREDIT_NOTE])).toEqual({
			canReceiveInvoices: false,
			canReceiveCreditNotes: false,
			verdict: 'Not registered on Peppol: cannot receive invoices or credit notes',
		});
	});
});
