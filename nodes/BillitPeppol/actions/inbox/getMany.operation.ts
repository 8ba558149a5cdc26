import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['inbox'], operation: ['getMany'] } },
	[
		{
			displayName:
				'Billit shows at most 10 inbox items at a time: the next ones appear only after earlier ones are confirmed or refused. Confirm each item after it is safely processed (e.g. uploaded), so a stuck item is retried and the queue moves on.',
			name: 'inboxWindowNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Receiver Company ID',
					name: 'receiverCompanyId',
					type: 'string',
					default: '',
					placeholder: 'e.g. 123456',
					description: 'Only items received for this company (PartyID)',
				},
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const receiver = String(
		this.getNodeParameter('options.receiverCompanyId', itemIndex, '') ?? '',
	).trim();
	const answer = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/peppol/inbox',
		qs: receiver ? { ReceiverCompanyID: receiver } : undefined,
	})) as IDataObject | null;
	const items = (answer?.InboxItems as IDataObject[] | undefined) ?? [];
	return items.map((json) => ({ json }));
}
