import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	billitRequest,
	billitRequestAllItems,
	type BillitRequestOptions,
} from '../../../lib/billit/request/request';
import { withOrderNotFoundHint } from './orderIdHint';
import { parseId } from './parse';

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
> & {
	/** Overrides the node's Context Party ID (accountant feed items carry their own). */
	contextPartyId?: number;
	/** Account-level calls (account information, company search) need no company. */
	withoutCompany?: boolean;
};

function optionalId(value: unknown, what: string): number | undefined {
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	return parseId(value, what);
}

/** The PartyID and ContextPartyID chosen on the node for one item. */
export function companyFor(this: IExecuteFunctions, itemIndex: number) {
	const company = this.getNodeParameter('company', itemIndex, '', { extractValue: true });
	const contextPartyId = this.getNodeParameter('contextPartyId', itemIndex, '');
	return {
		partyId: optionalId(company, 'Company (PartyID)'),
		contextPartyId: optionalId(contextPartyId, 'Context Party ID'),
	};
}

/** The request core's options for an item: the node's company, context party and item index. */
function optionsForItem(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ItemRequest,
): BillitRequestOptions {
	const company = companyFor.call(this, itemIndex);
	const { withoutCompany, contextPartyId, ...options } = request;
	const oauth2 = this.getNodeParameter('authentication', itemIndex, 'apiKey') === 'oAuth2';
	if (oauth2 && !withoutCompany && company.partyId === undefined) {
		throw new Error(
			'Choose a Company: an OAuth2 connection has no company of its own, so the node must say which PartyID to act for',
		);
	}
	return {
		...options,
		itemIndex,
		partyId: company.partyId,
		contextPartyId: contextPartyId ?? company.contextPartyId,
	};
}

/** One Billit request for an item, in the company chosen on the node. */
export async function requestForItem(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ItemRequest,
): Promise<unknown> {
	try {
		return await billitRequest.call(this, optionsForItem.call(this, itemIndex, request));
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
	const options = optionsForItem.call(this, itemIndex, request);
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
