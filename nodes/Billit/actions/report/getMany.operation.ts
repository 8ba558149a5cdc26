import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['getMany'] } },
	[],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const reports = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/reports',
	})) as IDataObject[] | { Items?: IDataObject[] };
	return (Array.isArray(reports) ? reports : (reports.Items ?? [])).map((report) => ({
		json: report,
	}));
}
