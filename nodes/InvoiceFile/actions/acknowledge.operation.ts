import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { acknowledge } from '../../../lib/flatfile/acknowledgment';
import { binaryPropertyProperty, encodingProperty, maxFileSizeProperty, readPartnerFile } from '../descriptions/layout';

const show = { operation: ['acknowledge'] };

export const description: INodeProperties[] = [
	{ ...binaryPropertyProperty, displayOptions: { show } },
	{ ...encodingProperty, displayOptions: { show } },
	{ ...maxFileSizeProperty, displayOptions: { show } },
	{ displayName: 'Control Number', name: 'ackControlNumber', type: 'number', default: 1, description: 'Interchange control number of the acknowledgment', displayOptions: { show } },
	{ displayName: 'Default Currency', name: 'defaultCurrency', type: 'string', default: 'EUR', displayOptions: { show } },
	{ displayName: 'Output Binary Property', name: 'ackBinaryPropertyName', type: 'string', default: 'ack', displayOptions: { show } },
];

/** A 997 (X12) or CONTRL (EDIFACT) accepting or rejecting the inbound interchange. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const binaryName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const { text } = await readPartnerFile.call(this, itemIndex);
	const ack = acknowledge(text, {
		controlNumber: this.getNodeParameter('ackControlNumber', itemIndex) as number,
		date: new Date(),
		defaultCurrency: this.getNodeParameter('defaultCurrency', itemIndex) as string,
	});
	const inbound = this.getInputData()[itemIndex].binary?.[binaryName]?.fileName ?? 'interchange';
	const fileName = `${inbound.replace(/\.[^.]*$/, '')}.${ack.syntax === 'x12' ? '997' : 'contrl'}`;
	return [
		{
			json: { accepted: ack.accepted, syntax: ack.syntax, parts: ack.parts, fileName },
			binary: { [this.getNodeParameter('ackBinaryPropertyName', itemIndex) as string]: await this.helpers.prepareBinaryData(Buffer.from(ack.text, 'utf8'), fileName, 'text/plain') },
		},
	];
}
