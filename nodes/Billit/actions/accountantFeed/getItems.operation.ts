import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../helpers/request';
import { feedNameProperty, feedPath } from './feed.fields';

const MIN_INTERVAL_MS = 60_000;

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
 * Lists a feed's pending items, one output item each. The time of the last listing is kept in the
 * workflow's static data so that a second listing within a minute is refused before Billit is asked.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('feedName', itemIndex)).trim();
	const path = feedPath(name);
	const state = this.getWorkflowStaticData('node');
	const listedAt = ((state.feedListedAt ??= {}) as IDataObject)[name] as number | undefined;
	const now = Date.now();
	if (listedAt !== undefined && now - listedAt < MIN_INTERVAL_MS) {
		const wait = Math.ceil((listedAt + MIN_INTERVAL_MS - now) / 1000);
		throw new Error(
			`Feed "${name}" was listed ${Math.floor((now - listedAt) / 1000)} s ago; Billit allows one listing a minute, try again in ${wait} s`,
		);
	}
	(state.feedListedAt as IDataObject)[name] = now;
	const items = (await requestForItem.call(this, itemIndex, { method: 'GET', path })) as
		| IDataObject[]
		| { Items?: IDataObject[] };
	return (Array.isArray(items) ? items : (items.Items ?? [])).map((item) => ({
		json: { FeedName: name, ...item },
	}));
}
