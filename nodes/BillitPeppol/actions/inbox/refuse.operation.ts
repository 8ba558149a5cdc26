import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { inboxItemIdParameter, inboxItemIdProperty } from '../../helpers/inboxItemId';
import { alreadyDone } from '../../../../lib/billit/request/request-core';

export const description = updateDisplayOptions(
	{ show: { resource: ['inbox'], operation: ['refuse'] } },
	[
		inboxItemIdProperty,
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Unknown purchase order number',
			description: 'Why the document is refused; Billit passes it on with the refusal',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const inboxItemId = inboxItemIdParameter.call(this, itemIndex);
	const reason = String(this.getNodeParameter('reason', itemIndex)).trim();
	if (reason === '') throw new Error('A refusal needs a reason');
	await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: `/v1/peppol/inbox/${inboxItemId}/refuse`,
		body: { RefusalReason: reason },
		onAlreadyApplied: alreadyDone,
	});
	return [{ json: { InboxItemID: inboxItemId, refused: true, reason } }];
}
