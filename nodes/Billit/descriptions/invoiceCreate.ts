import type { INodeProperties } from 'n8n-workflow';
import { partyLocator } from './locators';
import { orderDirectionOptions, orderTypeOptions } from '../../shared/billit/descriptions/orderOptions';

const lineFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'Description', type: 'string', default: '' },
	{ displayName: 'Quantity', name: 'Quantity', type: 'number', default: 1 },
	{
		displayName: 'Unit Price (Excl. VAT)',
		name: 'UnitPriceExcl',
		type: 'number',
		typeOptions: { numberPrecision: 4 },
		default: 0,
	},
	{
		displayName: 'VAT Rate Name or ID',
		name: 'VATPercentage',
		type: 'options',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		typeOptions: { loadOptionsMethod: 'getVatRates' },
		default: '',
	},
	{
		displayName: 'Unit Name or ID',
		name: 'Unit',
		type: 'options',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		typeOptions: { loadOptionsMethod: 'getUnits' },
		default: '',
	},
	{ displayName: 'Discount (%)', name: 'ReductionPercentage', type: 'number', default: 0 },
	{ displayName: 'Product ID', name: 'ProductID', type: 'number', default: 0 },
	{ displayName: 'Reference', name: 'Reference', type: 'string', default: '' },
	{
		displayName: 'Account Code',
		name: 'AccountCode',
		type: 'string',
		default: '',
		description: 'Ledger account number (digits only, e.g. 700000); Billit takes it as a number',
	},
];

const customerFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'Name', type: 'string', default: '' },
	{
		displayName: 'VAT Number',
		name: 'VATNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. BE0123456749',
	},
	{
		displayName: 'Email',
		name: 'Email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'Street', name: 'Street', type: 'string', default: '' },
	{ displayName: 'Street Number', name: 'StreetNumber', type: 'string', default: '' },
	{ displayName: 'Zip Code', name: 'Zipcode', type: 'string', default: '' },
	{ displayName: 'City', name: 'City', type: 'string', default: '' },
	{ displayName: 'Country Code', name: 'CountryCode', type: 'string', default: 'BE' },
	{
		displayName: 'GLN',
		name: 'GLN',
		type: 'string',
		default: '',
		description: 'Global Location Number (13 digits)',
	},
	{
		displayName: 'Peppol Identifier',
		name: 'PeppolIdentifier',
		type: 'string',
		default: '',
		placeholder: 'e.g. 0208:0123456749',
	},
	{
		displayName: 'Language',
		name: 'Language',
		type: 'string',
		default: '',
		placeholder: 'e.g. NL',
	},
];

export const createProperties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'orderType',
		type: 'options',
		options: orderTypeOptions,
		default: 'Invoice',
	},
	{
		displayName: 'Direction',
		name: 'orderDirection',
		type: 'options',
		options: orderDirectionOptions,
		default: 'Income',
	},
	{
		displayName: 'Customer',
		name: 'customerMode',
		type: 'options',
		default: 'party',
		options: [
			{ name: 'Existing Party', value: 'party' },
			{
				name: 'Enter Details',
				value: 'fields',
				description: 'Billit matches an existing party by VAT, e-mail or address, else creates one',
			},
		],
	},
	{ ...partyLocator('partyId', 'Party'), displayOptions: { show: { customerMode: ['party'] } } },
	{
		displayName: 'Customer Details',
		name: 'customer',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerFields,
		displayOptions: { show: { customerMode: ['fields'] } },
	},
	{
		displayName: 'Lines Input',
		name: 'linesInput',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields', value: 'fields' },
			{
				name: 'JSON',
				value: 'json',
				description: 'An array of Billit order lines, e.g. from an expression',
			},
		],
	},
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		options: [{ displayName: 'Line', name: 'line', values: lineFields }],
		displayOptions: { show: { linesInput: ['fields'] } },
	},
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		default:
			'[{"Description": "Consulting", "Quantity": 1, "UnitPriceExcl": 100, "VATPercentage": 21}]',
		displayOptions: { show: { linesInput: ['json'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'About Invoice Number',
				name: 'AboutInvoiceNumber',
				type: 'string',
				default: '',
				description: 'For a credit note: the invoice it corrects',
			},
			{
				displayName: 'Attachments (Binary Fields)',
				name: 'attachmentFields',
				type: 'string',
				default: '',
				placeholder: 'e.g. attachment1, attachment2',
				description: 'Input binary fields to attach, separated by commas',
			},
			{ displayName: 'Comments', name: 'Comments', type: 'string', default: '' },
			{ displayName: 'Currency', name: 'Currency', type: 'string', default: 'EUR' },
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'Extra Peppol values by UBL path, e.g. Invoice.OrderReference.SalesOrderID',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Delivery Date', name: 'DeliveryDate', type: 'dateTime', default: '' },
			{ displayName: 'Due Date', name: 'ExpiryDate', type: 'dateTime', default: '' },
			{
				displayName: 'External Provider ID',
				name: 'ExternalProviderID',
				type: 'string',
				default: '',
				description:
					"Your own system's ID for this invoice. Without an invoice number, a create whose answer was lost is found again by this ID; when empty, the idempotency key is used.",
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description:
					'A unique key (letters and digits) so that a retried or repeated create is not applied twice: Billit answers a reused key with "already exists" and the node returns the invoice created before. Generated when empty.',
			},
			{ displayName: 'Internal Info', name: 'InternalInfo', type: 'string', default: '' },
			{ displayName: 'Invoice Date', name: 'OrderDate', type: 'dateTime', default: '' },
			{
				displayName: 'Invoice Number',
				name: 'OrderNumber',
				type: 'string',
				default: '',
				description: 'Billit numbers the invoice when empty',
			},
			{
				displayName: 'Own PDF (Binary Field)',
				name: 'pdfField',
				type: 'string',
				default: '',
				description: 'Input binary field with a PDF to use instead of the one Billit renders',
			},
			{
				displayName: 'Payment Method Name or ID',
				name: 'PaymentMethod',
				type: 'options',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				typeOptions: { loadOptionsMethod: 'getPaymentMethods' },
				default: '',
			},
			{ displayName: 'Payment Reference', name: 'PaymentReference', type: 'string', default: '' },
			{
				displayName: 'Payment Reference Format',
				name: 'paymentReferenceFormat',
				type: 'options',
				default: 'asGiven',
				options: [
					{ name: 'As Given', value: 'asGiven' },
					{
						name: 'Generate Structured Communication',
						value: 'generate',
						description:
							'Belgian +++xxx/xxxx/xxxxx+++ from the Payment Reference digits, else from the invoice number',
					},
					{
						name: 'Validate Structured Communication',
						value: 'validate',
						description: 'Fail when the Payment Reference is not a valid +++xxx/xxxx/xxxxx+++',
					},
				],
			},
			{
				displayName: 'Reference (PO)',
				name: 'Reference',
				type: 'string',
				default: '',
				description: "The buyer's purchase order reference",
			},
		],
	},
];
