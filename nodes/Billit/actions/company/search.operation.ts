import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['company'], operation: ['search'] } },
	[
		{
			displayName: 'Keywords',
			name: 'keywords',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. BE0123456749 or a company name',
			description: 'A name, company number or VAT number, looked up in KBO and VIES',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const keywords = String(this.getNodeParameter('keywords', itemIndex)).trim();
	if (!keywords) throw new Error('Keywords are required for a company search');
	const answer = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: `/v1/misc/companysearch/${encodeURIComponent(keywords)}`,
	})) as { Items?: IDataObject[] } | IDataObject[];
	const items = Array.isArray(answer) ? answer : (answer.Items ?? []);
	return items.map((company) => ({ json: company }));
}
