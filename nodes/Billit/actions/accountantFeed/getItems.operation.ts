import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { claimFeedListing } from '../../../../lib/billit/listing/feed-listing-guard';
import { billitCompanyKey } from '../../../../lib/billit/request/request';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { feedNameProperty, feedPath } from '../../descriptions/accountantFeed';

export const description = updateDisplayOptions(
	{ show: { resource: ['accountantFeed'], operation: ['getItems'] } },
	[
		{
			...feedNameProperty,
			description:
				'Billit asks to list a feed at most once a minute; a quicker repeat fails with a clear error',
		},
	],
);

/**
 * Lists a feed's pending items, one output item each. A second listing of the feed within a minute
 * is refused before Billit is asked (see the feed listing guard for where the last listing is kept).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('feedName', itemIndex)).trim();
	const path = feedPath(name);
	const claim = await claimFeedListing(
		{
			// The node's company beats the credential's, as in every request.
			companyKey: await billitCompanyKey.call(this, { itemIndex }),
			feedName: name,
			nodeState: () => this.getWorkflowStaticData('node'),
		},
		this.logger,
	);
	if (!claim.granted) {
		throw new Error(
			`Feed "${name}" was listed ${Math.floor(claim.listedMsAgo / 1000)} s ago; Billit allows one listing a minute, try again in ${Math.ceil(claim.retryInMs / 1000)} s`,
		);
	}
	const items = (await requestForItem.call(this, itemIndex, { method: 'GET', path })) as
		| IDataObject[]
		| { Items?: IDataObject[] };
	return (Array.isArray(items) ? items : (items.Items ?? [])).map((item) => ({
		json: { FeedName: name, ...item },
	}));
}
