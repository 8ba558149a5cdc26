import { describe, expect, it } from 'vitest';
import { buildEdifactInterchange, edifactProblems, readEdifactInterchange } from '../../../lib/flatfile/edifact/envelope';
import { invoiceToInvoic } from '../../../lib/flatfile/edifact/invoic';
import { buildX12Interchange, readX12Interchange, x12Problems } from '../../../lib/flatfile/x12/envelope';
import { invoiceTo810 } from '../../../lib/flatfile/x12/invoice-810';
import { read810, readInvoic } from '../../support/flatfile/readers';
import { ORDERS } from '../../support/flatfile/fixtures';

const DATE = new Date('2026-01-15T09:30:00Z');

function expectSameInvoice(read: ReturnType<typeof read810>, order: (typeof ORDERS)[number]) {
	expect(read.OrderNumber).toBe(order.OrderNumber);
	expect(read.OrderDate).toBe(order.OrderDate);
	expect(read.ExpiryDate).toBe(order.ExpiryDate);
	expect(read.Reference).toBe(order.Reference);
	expect(read.OrderType).toBe(order.OrderType);
	expect(read.Currency).toBe(order.Currency);
	expect(read.TotalIncl).toBe(order.TotalIncl);
	expect(read.TotalVAT).toBe(order.TotalVAT);
	expect(read.Customer.Name).toBe(order.Customer?.Name);
	expect(read.OrderLines).toHaveLength(order.OrderLines!.length);
	read.OrderLines.forEach((line, index) => {
		const original = order.OrderLines![index];
		expect(line.Quantity).toBe(original.Quantity);
		expect(line.UnitPriceExcl).toBe(original.UnitPriceExcl);
		expect(line.Description).toBe(original.Description);
		expect(line.VATPercentage).toBe(original.VATPercentage);
		expect(line.TotalVAT).toBe(original.TotalVAT);
	});
}

describe('X12 810', () => {
	const text = buildX12Interchange(
		{ sender: { id: 'BILLITSELLER' }, receiver: { id: 'ACMEBUYER' }, controlNumber: 905, date: DATE },
		ORDERS.map(invoiceTo810),
	);

	it('passes envelope validation: SE counts, GE/IEA counts and control numbers', () => {
		const interchange = readX12Interchange(text);
		expect(x12Problems(interchange)).toEqual([]);
		expect(interchange.controlNumber).toBe('000000905');
		expect(interchange.header.elements).toHaveLength(16);
		expect(text.split('\n')[0]).toHaveLength(106);
		const [group] = interchange.groups;
		expect(group.functionalId).toBe('IN');
		expect(group.transactions.map((set) => set.controlNumber)).toEqual(['0001', '0002']);
	});

	it('reads back the same numbers, dates and references', () => {
		const sets = readX12Interchange(text).groups[0].transactions;
		sets.forEach((set, index) => expectSameInvoice(read810(set.body, set.header), ORDERS[index]));
	});

	it('refuses a value containing a delimiter instead of corrupting the file', () => {
		const order = { ...ORDERS[0], Reference: 'PO*47' };
		expect(() => buildX12Interchange({ sender: { id: 'A' }, receiver: { id: 'B' }, controlNumber: 1, date: DATE }, [invoiceTo810(order)])).toThrow(
			/contains the X12 delimiter "\*"/,
		);
	});
});

describe('EDIFACT INVOIC D.96A', () => {
	const text = buildEdifactInterchange(
		{ sender: '5498765000011', receiver: '5412345000013', interchangeReference: 'INV905', date: DATE },
		ORDERS.map(invoiceToInvoic),
	);

	it('passes envelope validation: UNT counts and references, UNZ count', () => {
		const interchange = readEdifactInterchange(text);
		expect(edifactProblems(interchange)).toEqual([]);
		expect(interchange.messages.map((message) => `${message.type} ${message.version}`)).toEqual(['INVOIC D.96A', 'INVOIC D.96A']);
	});

	it('reads back the same numbers, dates and references, with release characters for + and \'', () => {
		const order = { ...ORDERS[0], Reference: "PO+47'b?" };
		const written = buildEdifactInterchange({ sender: 'S', receiver: 'R', interchangeReference: '1', date: DATE }, [invoiceToInvoic(order), invoiceToInvoic(ORDERS[1])]);
		const messages = readEdifactInterchange(written).messages;
		expectSameInvoice(readInvoic(messages[0].body, messages[0].header), order);
		expectSameInvoice(readInvoic(messages[1].body, messages[1].header), ORDERS[1]);
	});
});
