import type { IDataObject } from 'n8n-workflow';

const ORDER_SUMMARY_FIELDS = [
	'OrderID',
	'OrderNumber',
	'OrderType',
	'OrderDirection',
	'OrderDate',
	'ExpiryDate',
	'Reference',
	'Currency',
	'TotalExcl',
	'TotalVAT',
	'TotalIncl',
	'ToPay',
	'PaymentReference',
	'Paid',
	'IsSent',
	'OrderStatus',
	'ExportedToConnector',
	'LastModified',
];

function pick(source: IDataObject, fields: string[]): IDataObject {
	const result: IDataObject = {};
	for (const field of fields) if (source[field] !== undefined) result[field] = source[field];
	return result;
}

function counterPartyOf(order: IDataObject): IDataObject {
	return (
		((order.CounterParty ?? order.Customer ?? order.Supplier) as IDataObject | undefined) ?? {}
	);
}

/** The fields a workflow usually needs from an order, with the counterparty flattened. */
export function simplifyOrder(order: IDataObject): IDataObject {
	const party = counterPartyOf(order);
	return {
		...pick(order, ORDER_SUMMARY_FIELDS),
		...((party.DisplayName ?? party.Name)
			? { CounterPartyName: party.DisplayName ?? party.Name }
			: {}),
		...(party.VATNumber ? { CounterPartyVATNumber: party.VATNumber } : {}),
		...(party.PartyID ? { CounterPartyID: party.PartyID } : {}),
	};
}

const LINE_FIELDS = [
	'Description',
	'Quantity',
	'Unit',
	'UnitPriceExcl',
	'VATPercentage',
	'ReductionPercentage',
	'TotalExcl',
	'TotalVAT',
	'TotalIncl',
	'ProductID',
	'Reference',
	'AccountCode',
];

/**
 * One row per invoice line, each carrying the invoice's header fields, so that n8n's Convert to
 * File node writes a partner CSV directly. Line fields are prefixed with `Line`.
 */
export function splitOrderLines(order: IDataObject): IDataObject[] {
	const header = simplifyOrder(order);
	const lines = (order.OrderLines as IDataObject[] | undefined) ?? [];
	return lines.map((line, index) => {
		const row: IDataObject = { ...header, LineNumber: index + 1 };
		for (const field of LINE_FIELDS)
			if (line[field] !== undefined) row[`Line${field}`] = line[field];
		return row;
	});
}

const PARTY_SUMMARY_FIELDS = [
	'PartyID',
	'PartyType',
	'Nr',
	'Name',
	'DisplayName',
	'VATNumber',
	'Email',
	'PeppolIdentifier',
	'Language',
];

export function simplifyParty(party: IDataObject): IDataObject {
	return pick(party, PARTY_SUMMARY_FIELDS);
}
