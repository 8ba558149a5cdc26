import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { billitRequest, type BillitRequestOptions } from '../../../../lib/billit/request/request';

/** A Billit request from the editor (list search, options), in the node's company and context party. */
export async function editorRequest(
	this: ILoadOptionsFunctions,
	options: Pick<BillitRequestOptions, 'path' | 'qs' | 'withoutCompany'>,
): Promise<unknown> {
	return await billitRequest.call(this, { method: 'GET', ...options });
}
