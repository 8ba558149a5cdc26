import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * The input item with this operation's result added: its fields and binary files stay for the nodes
 * downstream, and the result's fields win where names meet.
 */
export function withInputItem(
	this: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
	binary?: IBinaryKeyData,
): INodeExecutionData {
	const input = this.getInputData()[itemIndex];
	const item: INodeExecutionData = { json: { ...input?.json, ...json } };
	const binaries = { ...input?.binary, ...binary };
	if (Object.keys(binaries).length > 0) item.binary = binaries;
	return item;
}
