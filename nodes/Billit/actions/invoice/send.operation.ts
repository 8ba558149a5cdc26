import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { transportTypeOptions } from '../../../shared/billit/descriptions/orderOptions';
import { parseIdList } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { alreadyDone } from '../../../../lib/billit/request/request-core';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['send'] } },
	[
		{
			displayName: 'Invoice IDs',
			name: 'orderIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234, 1235',
			description:
				'One or more invoice IDs, separated by commas; all go out over the same transport',
		},
		{
			displayName: 'Transport',
			name: 'transportType',
			type: 'options',
			options: transportTypeOptions,
			default: 'Peppol',
		},
		{
			displayName: 'Strict Transport',
			name: 'strictTransport',
			type: 'boolean',
			default: true,
			description: 'Whether Billit must fail rather than fall back to another transport',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderIds = parseIdList(this.getNodeParameter('orderIds', itemIndex), 'Invoice IDs');
	const transportType = this.getNodeParameter('transportType', itemIndex) as string;
	const strict = this.getNodeParameter('strictTransport', itemIndex, true) as boolean;
	await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/orders/commands/send',
		body: { OrderIds: orderIds, TransportType: transportType },
		headers: strict ? { StrictTransportType: 'true' } : undefined,
		onAlreadyApplied: alreadyDone,
	});
	return [{ json: { OrderIds: orderIds, TransportType: transportType, sent: true } }];
}
