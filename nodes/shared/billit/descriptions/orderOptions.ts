import type { INodePropertyOptions } from 'n8n-workflow';

export const orderTypeOptions: INodePropertyOptions[] = [
	{ name: 'Credit Note', value: 'CreditNote' },
	{ name: 'Delivery Note', value: 'DeliveryNote' },
	{ name: 'Invoice', value: 'Invoice' },
	{ name: 'Offer', value: 'Offer' },
	{ name: 'Order Form', value: 'OrderForm' },
];

export const orderDirectionOptions: INodePropertyOptions[] = [
	{ name: 'Sales (Income)', value: 'Income' },
	{ name: 'Purchase (Cost)', value: 'Cost' },
];

export const transportTypeOptions: INodePropertyOptions[] = [
	{ name: 'Chorus (France)', value: 'Chorus' },
	{ name: 'E-Mail', value: 'SMTP' },
	{ name: 'KSeF (Poland)', value: 'KSeF' },
	{ name: 'Letter', value: 'Letter' },
	{ name: 'Peppol', value: 'Peppol' },
	{ name: 'SDI (Italy)', value: 'SDI' },
];

export const PATCHABLE_ORDER_FIELDS = [
	'Paid',
	'PaidDate',
	'IsSent',
	'Invoiced',
	'ApprovalStatus',
	'PaymentMethod',
	'AccountCode',
	'AnalyticCostBearer',
	'AnalyticCostCenter',
	'InternalInfo',
	'AccountantVerificationNeeded',
	'ExportedToConnector',
];
