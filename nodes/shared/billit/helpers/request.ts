import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	billitRequest,
	billitRequestAllItems,
	type BillitRequestOptions,
} from '../../../../lib/billit/request/request';
import { withOrderNotFoundHint } from './orderIdHint';

export type ItemRequest = Pick<
	BillitRequestOptions,
	| 'method'
	| 'path'
	| 'qs'
	| 'body'
	| 'idempotencyKey'
	| 'headers'
	| 'responseType'
	| 'onUnknownOutcome'
	| 'onAlreadyApplied'
	| 'contextPartyId'
	| 'withoutCompany'
>;

/** The request core's options for an item: the item's parameters apply (Company, Context Party ID). */
function optionsForItem(itemIndex: number, request: ItemRequest): BillitRequestOptions {
	return { ...request, itemIndex };
}

/** One Billit request for an item, in the company chosen on the node. */
export async function requestForItem(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ItemRequest,
): Promise<unknown> {
	try {
		return await billitRequest.call(this, optionsForItem(itemIndex, request));
	} catch (error) {
		throw withOrderNotFoundHint(error, request.path);
	}
}

/** All items of a Billit list (following NextPageLink), or the first `limit`. */
export async function requestAllForItem(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ItemRequest,
	limit?: number,
): Promise<IDataObject[]> {
	const options = optionsForItem(itemIndex, request);
	return (await billitRequestAllItems.call(this, options, { limit })) as IDataObject[];
}

/** Reads Return All / Limit and lists a path. */
export async function listForItem(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ItemRequest,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await requestAllForItem.call(this, itemIndex, request, limit);
}
