import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { binaryPropertyProperty, maxFileSizeProperty } from '../../../shared/billit/descriptions/paging';
import {
	decodeFileContent,
	maxBytesFor,
	mimeTypeFor,
	sha256Hex,
	toBinary,
} from '../../../shared/billit/helpers/binary';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { feedItemIdProperty, feedNameProperty, feedPath } from '../../descriptions/accountantFeed';

export const description = updateDisplayOptions(
	{ show: { resource: ['accountantFeed'], operation: ['downloadItem'] } },
	[
		feedNameProperty,
		feedItemIdProperty,
		{
			displayName: 'Item Party ID',
			name: 'itemPartyId',
			type: 'string',
			default: '={{ $json.PartyID }}',
			required: true,
			description: "The feed item's PartyID; sent as ContextPartyID as Billit requires",
		},
		binaryPropertyProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [maxFileSizeProperty],
		},
	],
);

/** Downloads a feed item's file and checks it against the SHA-256 Billit gives with it. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('feedName', itemIndex)).trim();
	const feedItemId = parseId(this.getNodeParameter('feedItemId', itemIndex), 'Feed Item ID');
	const contextPartyId = parseId(this.getNodeParameter('itemPartyId', itemIndex), 'Item Party ID');
	const answer = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: feedPath(name, feedItemId),
		contextPartyId,
	})) as IDataObject;
	const fileName = String(answer.FileName ?? `feed-item-${feedItemId}`);
	const content = decodeFileContent(
		answer.FileContent,
		fileName,
		maxBytesFor.call(this, itemIndex),
	);
	const expected = String(answer.FileContentSHA256Hash ?? '').toLowerCase();
	const actual = sha256Hex(content);
	if (!expected)
		throw new Error(
			`Feed item ${feedItemId} ("${fileName}") came without a SHA-256 hash to check it against`,
		);
	if (expected !== actual) {
		throw new Error(
			`Feed item ${feedItemId} ("${fileName}") does not match its SHA-256: Billit gave ${expected}, the content hashes to ${actual}`,
		);
	}
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = await toBinary.call(this, { fileName, mimeType: mimeTypeFor(fileName), content });
	return [
		{
			json: {
				FeedName: name,
				FeedItemID: feedItemId,
				PartyID: contextPartyId,
				FileName: fileName,
				SHA256: actual,
				size: content.length,
			},
			binary: { [field]: binary },
		},
	];
}
