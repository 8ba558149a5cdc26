import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['company'], operation: ['getAccountInformation'] } },
	[],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const account = await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/account/accountInformation',
		withoutCompany: true,
	});
	return [{ json: account as IDataObject }];
}
