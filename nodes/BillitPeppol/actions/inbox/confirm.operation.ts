import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { inboxItemIdParameter, inboxItemIdProperty } from '../../helpers/inboxItemId';
import { alreadyDone } from '../../../../lib/billit/request/request-core';

export const description = updateDisplayOptions(
	{ show: { resource: ['inbox'], operation: ['confirm'] } },
	[
		{
			displayName:
				'Confirming removes the item from the inbox for good: place this after the step that stores the document',
			name: 'confirmNotice',
			type: 'notice',
			default: '',
		},
		inboxItemIdProperty,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const inboxItemId = inboxItemIdParameter.call(this, itemIndex);
	await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: `/v1/peppol/inbox/${inboxItemId}/confirm`,
		onAlreadyApplied: alreadyDone,
	});
	return [{ json: { InboxItemID: inboxItemId, confirmed: true } }];
}
