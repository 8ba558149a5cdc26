import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { binaryPropertyProperty } from '../../../shared/billit/descriptions/paging';
import { withInputItem } from '../../../shared/billit/helpers/inputItem';
import { buildFromOrderProperties } from '../../descriptions/buildFromOrder';
import { buildFromOrder, builtMetadata } from '../../../shared/billit/helpers/buildFromOrder';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['build'] } },
	[...buildFromOrderProperties, binaryPropertyProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const built = await buildFromOrder.call(this, itemIndex);
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = await this.helpers.prepareBinaryData(built.xml, built.fileName, 'application/xml');
	// The input item stays (an invoice a download read, say), so later nodes need not read it again.
	return [withInputItem.call(this, itemIndex, builtMetadata(built), { [field]: binary })];
}
