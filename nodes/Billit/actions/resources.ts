import type { INodePropertyOptions } from 'n8n-workflow';
import { accountantFeed } from './accountantFeed/AccountantFeed.resource';
import { bankTransaction } from './bankTransaction/BankTransaction.resource';
import { company } from './company/Company.resource';
import { document } from './document/Document.resource';
import { incomingInvoice } from './incomingInvoice/IncomingInvoice.resource';
import { invoice } from './invoice/Invoice.resource';
import { party } from './party/Party.resource';
import { product } from './product/Product.resource';
import { report } from './report/Report.resource';
import type { Resource } from '../../shared/types';
import { webhook } from './webhook/Webhook.resource';

export const resources: Record<string, Resource> = {
	accountantFeed,
	bankTransaction,
	company,
	document,
	incomingInvoice,
	invoice,
	party,
	product,
	report,
	webhook,
};

export const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Accountant Feed', value: 'accountantFeed' },
	{ name: 'Bank Transaction', value: 'bankTransaction' },
	{ name: 'Company', value: 'company' },
	{ name: 'Document', value: 'document' },
	{ name: 'Incoming Invoice', value: 'incomingInvoice' },
	{ name: 'Invoice', value: 'invoice' },
	{ name: 'Party', value: 'party' },
	{ name: 'Product', value: 'product' },
	{ name: 'Report', value: 'report' },
	{ name: 'Webhook', value: 'webhook' },
];
