import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { compact } from '../../../shared/compact';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { feedItemIdProperty, feedNameProperty, feedPath } from '../../descriptions/accountantFeed';
import { alreadyDone } from '../../../../lib/billit/request/request-core';

export const description = updateDisplayOptions(
	{ show: { resource: ['accountantFeed'], operation: ['confirmItem'] } },
	[
		feedNameProperty,
		feedItemIdProperty,
		{
			displayName: 'Remote Server Name',
			name: 'remoteServerName',
			type: 'string',
			default: '',
			placeholder: 'e.g. sftp.accountant.example',
			description: 'Where the file was stored; Billit logs it with the confirmation',
		},
		{
			displayName: 'Remote Path',
			name: 'remotePath',
			type: 'string',
			default: '',
			placeholder: 'e.g. /export/0123456749/sales/2026/INV-1.xml',
		},
	],
);

/** Confirms an exported item, removing it from the feed; confirm only after the upload succeeded. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('feedName', itemIndex)).trim();
	const feedItemId = parseId(this.getNodeParameter('feedItemId', itemIndex), 'Feed Item ID');
	const body = compact({
		RemoteServerName: this.getNodeParameter('remoteServerName', itemIndex, '') as string,
		RemotePath: this.getNodeParameter('remotePath', itemIndex, '') as string,
	});
	await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: feedPath(name, feedItemId, 'confirm'),
		body,
		onAlreadyApplied: alreadyDone,
	});
	return [{ json: { FeedName: name, FeedItemID: feedItemId, confirmed: true, ...body } }];
}
