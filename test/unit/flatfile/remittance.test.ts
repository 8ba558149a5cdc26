import { describe, expect, it } from 'vitest';
import { acknowledge } from '../../../lib/flatfile/acknowledgment';
import { readCsvRemittance } from '../../../lib/flatfile/csv-remittance';
import { readEdifactInterchange } from '../../../lib/flatfile/edifact/envelope';
import { readRemittanceInterchange } from '../../../lib/flatfile/inbound';
import { paymentIdempotencyKeys } from '../../../lib/flatfile/idempotency';
import { readX12Interchange, x12Problems } from '../../../lib/flatfile/x12/envelope';
import { sample } from '../../support/flatfile/fixtures';

const ACK = { controlNumber: 7, date: new Date('2026-01-16T08:00:00Z'), defaultCurrency: 'EUR' };

describe('remittance samples', () => {
	it('X12 820 with two invoices', () => {
		expect(readRemittanceInterchange(sample('820-multi-invoice.x12'), 'USD')).toEqual([
			{ invoiceNumber: '2026/0001', amount: 1210, currency: 'EUR', date: '2026-01-16', payerReference: 'PAY-2026-0007', payerName: 'ACME BUYER NV', source: 'segment 10 (RMR)' },
			{ invoiceNumber: '2026/0002', amount: 605, currency: 'EUR', date: '2026-01-16', payerReference: 'PAY-2026-0007', payerName: 'ACME BUYER NV', source: 'segment 12 (RMR)' },
		]);
	});

	it('X12 820 with an adjustment and an unknown invoice number: every RMR is a payment', () => {
		const payments = readRemittanceInterchange(sample('820-unknown-invoice.x12'), 'EUR');
		expect(payments.map((payment) => [payment.invoiceNumber, payment.amount, payment.date, payment.currency])).toEqual([
			['2026/0003', 300, '2026-01-21', 'EUR'],
			['NOT-A-BILLIT-INVOICE', 60.5, '2026-01-21', 'EUR'],
		]);
	});

	it('EDIFACT REMADV with two documents (comma decimal mark accepted)', () => {
		const payments = readRemittanceInterchange(sample('remadv-multi-invoice.edi'), 'USD');
		expect(payments.map((payment) => [payment.invoiceNumber, payment.amount, payment.date, payment.currency, payment.payerReference, payment.payerName])).toEqual([
			['2026/0001', 1210, '2026-01-16', 'EUR', 'RA-2026-0007', 'ACME BUYER NV'],
			['2026/0002', 605, '2026-01-16', 'EUR', 'RA-2026-0007', 'ACME BUYER NV'],
		]);
	});

	it('EDIFACT REMADV without UNA, a released +, and an unknown invoice number', () => {
		const payments = readRemittanceInterchange(sample('remadv-unknown-invoice.edi'), 'EUR');
		expect(payments.map((payment) => [payment.invoiceNumber, payment.amount, payment.date, payment.payerName])).toEqual([
			['2026/0003', 300, '2026-01-20', 'ACME BUYER NV+CO'],
			['NOT-A-BILLIT-INVOICE', 60.5, '2026-01-20', 'ACME BUYER NV+CO'],
		]);
	});

	it('CSV with semicolons, comma decimals, thousands separators and day-first dates', () => {
		const payments = readCsvRemittance(sample('remittance-semicolon.csv'), {
			delimiter: ';',
			includeHeader: true,
			columns: [
				{ header: 'Factuurnummer', path: 'invoiceNumber', format: 'text' },
				{ header: 'Bedrag', path: 'amount', format: 'decimal', decimalSeparator: ',' },
				{ header: 'Datum', path: 'date', format: 'date', datePattern: 'DD/MM/YYYY' },
				{ header: 'Referentie', path: 'payerReference', format: 'text' },
			],
		}, 'EUR');
		expect(payments.map((payment) => [payment.invoiceNumber, payment.amount, payment.date, payment.payerReference, payment.source])).toEqual([
			['2026/0001', 1210, '2026-01-16', 'BANK-001', 'line 2'],
			['2026/0002', 605, '2026-01-16', 'BANK-001', 'line 3'],
		]);
	});

	const quotedLayout = {
		delimiter: ',',
		includeHeader: true,
		columns: [
			{ header: 'invoice', path: 'invoiceNumber', format: 'text' as const },
			{ header: 'paid', path: 'amount', format: 'decimal' as const },
			{ header: 'date', path: 'date', format: 'date' as const },
			{ header: 'payer', path: 'payerName', format: 'text' as const },
		],
	};

	it('CSV with quoted fields and an unknown invoice number', () => {
		const payments = readCsvRemittance(sample('remittance-quoted.csv'), quotedLayout, 'EUR');
		expect(payments.map((payment) => [payment.invoiceNumber, payment.amount, payment.payerName])).toEqual([
			['2026/0003', 300, 'Acme Buyer, NV'],
			['NOT-A-BILLIT-INVOICE', 60.5, 'Acme Buyer, NV'],
		]);
	});

	it('CSV errors name the line: missing mapped column, non-numeric amount', () => {
		const missing = sample('remittance-quoted.csv').replace('paid', 'amount');
		expect(() => readCsvRemittance(missing, quotedLayout, 'EUR')).toThrow(/mapped column "paid" is missing.*\(line 1\)/);
		const text = sample('remittance-quoted.csv').replace('60.50', 'sixty');
		expect(() => readCsvRemittance(text, quotedLayout, 'EUR')).toThrow('Column "paid": "sixty" is not a number (line 3)');
	});
});

describe('bad interchanges', () => {
	it('a truncated X12 interchange names the last segment', () => {
		const text = sample('820-multi-invoice.x12').split('\n').slice(0, 9).join('\n');
		expect(() => readRemittanceInterchange(text, 'EUR')).toThrow(
			'The interchange is truncated: it ends after segment 9 (ENT) without IEA (segment 9 (ENT))',
		);
	});

	it('a wrong SE count names the SE segment', () => {
		const text = sample('820-multi-invoice.x12').replace('SE*12*0001', 'SE*11*0001');
		expect(() => readRemittanceInterchange(text, 'EUR')).toThrow('SE01 says 11 segments, there are 12 (segment 14 (SE))');
	});

	it('a wrong UNZ reference or UNT count names the segment', () => {
		const text = sample('remadv-multi-invoice.edi').replace("UNZ+1+RA0007'", "UNZ+1+RA0008'");
		expect(() => readRemittanceInterchange(text, 'EUR')).toThrow('UNZ02 reference RA0008 does not match UNB RA0007 (segment 19 (UNZ))');
		const count = sample('remadv-multi-invoice.edi').replace("UNT+17+1'", "UNT+18+1'");
		expect(() => readRemittanceInterchange(count, 'EUR')).toThrow(/UNT01 says 18 segments, the message has 17/);
	});

	it('a truncated EDIFACT interchange names the unterminated segment', () => {
		const text = sample('remadv-multi-invoice.edi').slice(0, sample('remadv-multi-invoice.edi').indexOf("MOA+12:605") + 6);
		expect(() => readEdifactInterchange(text)).toThrow(/truncated.*\(segment 15 \(MOA\)\)/s);
	});

	it('a non-numeric amount names the segment and element', () => {
		const text = sample('820-multi-invoice.x12').replace('RMR*IV*2026/0002**605.00', 'RMR*IV*2026/0002**6O5.00');
		expect(() => readRemittanceInterchange(text, 'EUR')).toThrow('RMR04 amount paid "6O5.00" is not a number (segment 12 (RMR))');
	});

	it('amounts that do not add up to BPR02 are refused', () => {
		const text = sample('820-multi-invoice.x12').replace('BPR*C*1815.00', 'BPR*C*1800.00');
		expect(() => readRemittanceInterchange(text, 'EUR')).toThrow(/BPR02 total 1800 differs.*1815 \(segment 4 \(BPR\)\)/);
	});
});

describe('acknowledgments', () => {
	it('997 accepting a good 820, addressed back to the sender, with a valid envelope', () => {
		const ack = acknowledge(sample('820-multi-invoice.x12'), ACK);
		expect(ack.accepted).toBe(true);
		const interchange = readX12Interchange(ack.text);
		expect(x12Problems(interchange)).toEqual([]);
		expect(interchange.sender).toBe('BILLITSELLER');
		expect(interchange.receiver).toBe('ACMEBUYER');
		const body = interchange.groups[0].transactions[0].body.map((segment) => [segment.tag, ...segment.elements.map((element) => element.join(':'))]);
		expect(body).toEqual([['AK1', 'RA', '42'], ['AK2', '820', '0001'], ['AK5', 'A'], ['AK9', 'A', '1', '1', '1']]);
	});

	it('997 rejecting a set with a bad amount points at the segment (AK3) and element (AK4)', () => {
		const text = sample('820-multi-invoice.x12').replace('**605.00', '**abc');
		const ack = acknowledge(text, ACK);
		expect(ack.accepted).toBe(false);
		const body = readX12Interchange(ack.text).groups[0].transactions[0].body.map((segment) => [segment.tag, ...segment.elements.map((element) => element.join(':'))]);
		expect(body).toEqual([['AK1', 'RA', '42'], ['AK2', '820', '0001'], ['AK3', 'RMR', '10', '', '8'], ['AK4', '4', '', '7'], ['AK5', 'R', '5'], ['AK9', 'R', '1', '1', '0']]);
		expect(ack.parts[0].errors[0]).toMatch(/RMR04/);
	});

	it('997 rejecting a wrong SE count with AK5 code 4', () => {
		const ack = acknowledge(sample('820-multi-invoice.x12').replace('SE*12*0001', 'SE*13*0001'), ACK);
		expect(ack.accepted).toBe(false);
		expect(ack.text).toMatch(/AK5\*R\*4~/);
	});

	it('CONTRL accepting a good REMADV and rejecting one with a wrong UNT count', () => {
		const good = acknowledge(sample('remadv-multi-invoice.edi'), ACK);
		expect(good.accepted).toBe(true);
		expect(good.text).toContain("UCI+RA0007+5412345000013+5498765000011+7'");
		expect(good.text).toContain("UCM+1+REMADV:D:96A:UN+7'");
		const bad = acknowledge(sample('remadv-multi-invoice.edi').replace("UNT+17+1'", "UNT+16+1'"), ACK);
		expect(bad.accepted).toBe(false);
		expect(bad.text).toContain("UCM+1+REMADV:D:96A:UN+4+29'");
		const badAmount = acknowledge(sample('remadv-unknown-invoice.edi').replace('MOA+12:60.50', 'MOA+12:x'), ACK);
		expect(badAmount.text).toContain("UCS+8+12'");
	});
});

describe('idempotency keys', () => {
	const payments = () => readRemittanceInterchange(sample('820-unknown-invoice.x12'), 'EUR');

	it('are stable for the same payments and differ between payments', () => {
		const keys = paymentIdempotencyKeys(payments());
		expect(paymentIdempotencyKeys(payments())).toEqual(keys);
		expect(new Set(keys).size).toBe(2);
		expect(keys[0]).toMatch(/^remittance[0-9a-f]{32}$/);
	});

	it('stay the same for the unchanged payments of a file corrected and sent again', () => {
		const [kept, unknown] = payments();
		const corrected = readRemittanceInterchange(sample('820-unknown-invoice.x12').replace('NOT-A-BILLIT-INVOICE', '2026/0004'), 'EUR');
		expect(corrected.map((payment) => payment.invoiceNumber)).toEqual([kept.invoiceNumber, '2026/0004']);
		const before = paymentIdempotencyKeys([kept, unknown]);
		const after = paymentIdempotencyKeys(corrected);
		expect(after[0]).toBe(before[0]);
		expect(after[1]).not.toBe(before[1]);
	});

	it('tell identical payments of one file apart by their occurrence', () => {
		const [payment] = payments();
		const keys = paymentIdempotencyKeys([payment, { ...payment }, { ...payment, payerReference: 'OTHER' }]);
		expect(new Set(keys).size).toBe(3);
		expect(paymentIdempotencyKeys([payment])[0]).toBe(keys[0]);
	});
});
