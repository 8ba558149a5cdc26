import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Order } from '../../../lib/billit/types';

export function sample(name: string): string {
	return readFileSync(join(__dirname, 'samples', name), 'utf8');
}

/** Two sales invoices as the Billit node's Get Many returns them. */
export const ORDERS: Order[] = [
	{
		OrderID: 101,
		OrderType: 'Invoice',
		OrderDirection: 'Income',
		OrderNumber: '2026/0001',
		OrderDate: '2026-01-02',
		ExpiryDate: '2026-02-01',
		Reference: 'PO-4711',
		Currency: 'EUR',
		Customer: { Name: 'Acme Buyer NV', VATNumber: 'BE0123456749' },
		OrderLines: [
			{ Quantity: 2, UnitPriceExcl: 250, Description: 'Consulting day', Unit: 'DA', VATPercentage: 21, TotalExcl: 500, TotalVAT: 105, Reference: 'CONS' },
			{ Quantity: 1.5, UnitPriceExcl: 333.3333, Description: 'Licence; "pro" edition', VATPercentage: 21, TotalExcl: 500, TotalVAT: 105 },
		],
		TotalExcl: 1000,
		TotalVAT: 210,
		TotalIncl: 1210,
	},
	{
		OrderID: 102,
		OrderType: 'CreditNote',
		OrderDirection: 'Income',
		OrderNumber: '2026/0002',
		OrderDate: '2026-01-05',
		Currency: 'EUR',
		Customer: { Name: 'Zoë & Søn BV' },
		OrderLines: [{ Quantity: 1, UnitPriceExcl: 500, Description: 'Refund', VATPercentage: 21, TotalExcl: 500, TotalVAT: 105 }],
		TotalExcl: 500,
		TotalVAT: 105,
		TotalIncl: 605,
	},
];
