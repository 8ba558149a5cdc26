import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { changeOwnRegistration } from '../../helpers/ownRegistration';

export const description = updateDisplayOptions(
	{ show: { resource: ['participant'], operation: ['register'] } },
	[
		{
			displayName:
				'Registers the chosen company (its Belgian company number) as a Peppol receiver through Billit',
			name: 'registerNotice',
			type: 'notice',
			default: '',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await changeOwnRegistration.call(this, itemIndex, 'POST');
}
