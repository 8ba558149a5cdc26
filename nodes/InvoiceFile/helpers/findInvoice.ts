import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { compare } from '../../../lib/billit/listing/filters';
import { billitRequest } from '../../../lib/billit/request/request';

/** The Billit order with exactly this number, if there is one. */
export async function findInvoiceByNumber(
	this: IExecuteFunctions,
	itemIndex: number,
	invoiceNumber: string,
): Promise<IDataObject | undefined> {
	const found = (await billitRequest.call(this, {
		method: 'GET',
		path: '/v1/orders',
		qs: { $filter: compare('OrderNumber', 'eq', invoiceNumber) },
		itemIndex,
	})) as { Items?: IDataObject[] };
	return found.Items?.find((entry) => entry.OrderNumber === invoiceNumber);
}
