import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { billitRequest, type BillitRequestOptions } from '../../../lib/billit/request/request';

/** The company chosen on the node, read while the editor loads options. */
function currentCompany(this: ILoadOptionsFunctions): string | undefined {
	const value = this.getNodeParameter('company', '', { extractValue: true }) as unknown;
	const text = String(value ?? '').trim();
	return /^\d+$/.test(text) ? text : undefined;
}

/** A Billit request from the editor (list search, options), in the node's company. */
export async function editorRequest(
	this: ILoadOptionsFunctions,
	options: Pick<BillitRequestOptions, 'path' | 'qs'>,
): Promise<unknown> {
	return await billitRequest.call(this, {
		method: 'GET',
		...options,
		partyId: currentCompany.call(this),
	});
}
