import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { listWebhooks } from '../../helpers/webhooks';

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['list'] } },
	[],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const webhooks = await listWebhooks.call(this, itemIndex);
	return webhooks.map((webhook) => ({ json: webhook }));
}
