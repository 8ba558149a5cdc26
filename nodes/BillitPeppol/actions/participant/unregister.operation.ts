import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { changeOwnRegistration } from '../../helpers/ownRegistration';

export const description = updateDisplayOptions(
	{ show: { resource: ['participant'], operation: ['unregister'] } },
	[
		{
			displayName:
				'Removes the chosen company from Peppol: suppliers can no longer send it e-invoices through the network',
			name: 'unregisterNotice',
			type: 'notice',
			default: '',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await changeOwnRegistration.call(this, itemIndex, 'DELETE');
}
