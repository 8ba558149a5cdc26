import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { requestForItem } from '../../shared/billit/helpers/request';
import { ownCompanyId } from '../../shared/billit/helpers/ownCompany';

/** Registers (POST) or unregisters (DELETE) the node's own company as a Peppol receiver. */
export async function changeOwnRegistration(
	this: IExecuteFunctions,
	itemIndex: number,
	method: 'POST' | 'DELETE',
): Promise<INodeExecutionData[]> {
	const companyId = await ownCompanyId.call(this, itemIndex);
	const result = await requestForItem.call(this, itemIndex, {
		method,
		path: '/v1/peppol/participants',
		// The model types CompanyID as a text (RegisterParticipantRequest, DeleteParticipantRequest).
		body: { CompanyID: String(companyId) },
	});
	return [{ json: { CompanyID: companyId, registered: method === 'POST', success: result !== false } }];
}
