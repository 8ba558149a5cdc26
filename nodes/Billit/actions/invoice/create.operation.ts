import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import {
	generateStructuredCommunication,
	normaliseStructuredCommunication,
} from '../../../../lib/billit/structured-communication';
import { binaryAsBillitFile } from '../../../shared/billit/helpers/binary';
import { compact } from '../../../shared/compact';
import { createOrderOnce } from '../../helpers/createOrder';
import { orderLinesFrom } from '../../helpers/orderLines';
import { dateOnly, parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { createProperties } from '../../descriptions/invoiceCreate';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['create'] } },
	createProperties,
);

interface AdditionalFields extends IDataObject {
	attachmentFields?: string;
	customFields?: { field?: Array<{ key: string; value: string }> };
	idempotencyKey?: string;
	pdfField?: string;
	paymentReferenceFormat?: 'asGiven' | 'generate' | 'validate';
	PaymentReference?: string;
	OrderNumber?: string;
}

/** Additional fields that steer the node and are not Billit order fields. */
const NODE_ONLY_FIELDS = [
	'attachmentFields',
	'customFields',
	'idempotencyKey',
	'pdfField',
	'paymentReferenceFormat',
];

const ORDER_PARTY_FIELDS = [
	'PartyID',
	'PartyType',
	'Nr',
	'Name',
	'CommercialName',
	'VATNumber',
	'VATLiable',
	'PeppolIdentifier',
	'Identifiers',
	'Addresses',
	'Street',
	'StreetNumber',
	'Box',
	'Zipcode',
	'City',
	'CountryCode',
	'Email',
	'Phone',
	'Mobile',
	'IBAN',
	'BIC',
	'Language',
];

async function counterParty(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	if (this.getNodeParameter('customerMode', itemIndex) === 'party') {
		const partyId = parseId(
			this.getNodeParameter('partyId', itemIndex, undefined, { extractValue: true }),
			'Party',
		);
		const party = (await requestForItem.call(this, itemIndex, {
			method: 'GET',
			path: `/v1/parties/${partyId}`,
		})) as IDataObject;
		// Read-only fields such as Created or LastModified are not part of an order's party.
		return Object.fromEntries(
			Object.entries(party).filter(([key]) => ORDER_PARTY_FIELDS.includes(key)),
		);
	}
	const { GLN, ...customer } = this.getNodeParameter('customer', itemIndex, {}) as IDataObject;
	if (!customer.Name) throw new Error('Customer Details need at least a Name');
	return compact({
		...customer,
		Identifiers: GLN ? [{ IdentifierType: 'GLN', Identifier: GLN, SchemeID: '0088' }] : undefined,
	});
}

function paymentReference(fields: AdditionalFields): string | undefined {
	const given = fields.PaymentReference?.trim();
	switch (fields.paymentReferenceFormat) {
		case 'generate': {
			const source = given || fields.OrderNumber;
			if (!source)
				throw new Error(
					'Generating a structured communication needs a Payment Reference or an Invoice Number',
				);
			return generateStructuredCommunication(source);
		}
		case 'validate':
			if (!given)
				throw new Error('Payment Reference is empty but must be a structured communication');
			return normaliseStructuredCommunication(given);
		default:
			return given || undefined;
	}
}

function customFieldsOf(fields: AdditionalFields): IDataObject | undefined {
	const entries = (fields.customFields?.field ?? []).filter((entry) => entry.key.trim() !== '');
	return entries.length
		? Object.fromEntries(entries.map((entry) => [entry.key.trim(), entry.value]))
		: undefined;
}

async function attachmentsOf(this: IExecuteFunctions, itemIndex: number, fields: AdditionalFields) {
	const names = (fields.attachmentFields ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const files: IDataObject[] = [];
	for (const name of names) files.push(await binaryAsBillitFile.call(this, itemIndex, name));
	return files.length ? files : undefined;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const direction = this.getNodeParameter('orderDirection', itemIndex) as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	const { idempotencyKey, pdfField } = fields;
	const orderFields = Object.fromEntries(
		Object.entries(fields).filter(([key]) => !NODE_ONLY_FIELDS.includes(key)),
	);
	const lines = orderLinesFrom.call(this, itemIndex);
	const order = compact({
		...orderFields,
		OrderDate: dateOnly(fields.OrderDate, 'Invoice Date'),
		ExpiryDate: dateOnly(fields.ExpiryDate, 'Due Date'),
		DeliveryDate: dateOnly(fields.DeliveryDate, 'Delivery Date'),
		OrderType: this.getNodeParameter('orderType', itemIndex) as string,
		OrderDirection: direction,
		PaymentReference: paymentReference(fields),
		[direction === 'Cost' ? 'Supplier' : 'Customer']: await counterParty.call(this, itemIndex),
		OrderLines: lines,
		CustomFields: customFieldsOf(fields),
		OrderPDF: pdfField ? await binaryAsBillitFile.call(this, itemIndex, pdfField) : undefined,
		Attachments: await attachmentsOf.call(this, itemIndex, fields),
	});
	const orderId = await createOrderOnce.call(this, itemIndex, order, idempotencyKey || undefined);
	return [
		{
			json: compact({
				OrderID: orderId,
				OrderNumber: order.OrderNumber,
				OrderType: order.OrderType,
				OrderDirection: direction,
				PaymentReference: order.PaymentReference,
			}) as IDataObject,
		},
	];
}
