import {
	updateDisplayOptions,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { binaryPropertyProperty } from '../../../shared/billit/descriptions/paging';
import { toBinary } from '../../../shared/billit/helpers/binary';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['report'], operation: ['get'] } },
	[
		{ displayName: 'Report ID', name: 'reportId', type: 'string', default: '', required: true },
		{
			...binaryPropertyProperty,
			description: 'With several CSV files, the fields are named data, data_1, …',
		},
	],
);

function slug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[^\w.-]+/g, '_')
			.replace(/^_+|_+$/g, '') || 'report'
	);
}

/** CSV content as text: a report's CSVs may be plain text or objects with a name and content. */
function csvParts(report: IDataObject): Array<{ name?: string; content: string }> {
	return ((report.CSVs as unknown[] | undefined) ?? []).map((entry) =>
		typeof entry === 'string'
			? { content: entry }
			: {
					name: (entry as IDataObject).Name as string | undefined,
					content: String((entry as IDataObject).Content ?? (entry as IDataObject).CSV ?? ''),
				},
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const reportId = parseId(this.getNodeParameter('reportId', itemIndex), 'Report ID');
	const report = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: `/v1/reports/${reportId}`,
	})) as IDataObject;
	const base = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const reportName = slug(String(report.Name ?? report.ReportName ?? `report-${reportId}`));
	const parts = csvParts(report);
	if (parts.length === 0) throw new Error(`Report ${reportId} has no CSV content`);
	const binary: IBinaryKeyData = {};
	for (const [index, part] of parts.entries()) {
		const suffix = parts.length > 1 ? `-${index + 1}` : '';
		const fileName = `${part.name ? slug(part.name) : reportName}${part.name ? '' : suffix}.csv`;
		binary[index === 0 ? base : `${base}_${index}`] = await toBinary.call(this, {
			fileName,
			mimeType: 'text/csv',
			content: Buffer.from(part.content, 'utf8'),
		});
	}
	return [
		{
			json: { ReportID: reportId, Name: report.Name ?? report.ReportName, files: parts.length },
			binary,
		},
	];
}
