import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { parseId } from '../../shared/billit/helpers/parse';

export const inboxItemIdProperty: INodeProperties = {
	displayName: 'Inbox Item ID',
	name: 'inboxItemId',
	type: 'string',
	default: '={{ $json.InboxItemID }}',
	required: true,
	description: 'The InboxItemID from Get Many',
};

export function inboxItemIdParameter(this: IExecuteFunctions, itemIndex: number): number {
	return parseId(this.getNodeParameter('inboxItemId', itemIndex), 'Inbox Item ID');
}
