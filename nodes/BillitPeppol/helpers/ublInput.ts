import type { IExecuteFunctions } from 'n8n-workflow';

/** The UBL bytes of an item: its binary field, or XML text given as a parameter. */
export async function readUblInput(this: IExecuteFunctions, itemIndex: number): Promise<Buffer> {
	const source = this.getNodeParameter('ublInput', itemIndex, 'binary') as string;
	if (source === 'text') {
		const xml = this.getNodeParameter('xml', itemIndex, '') as string;
		if (xml.trim() === '') throw new Error('The UBL XML text is empty');
		return Buffer.from(xml, 'utf8');
	}
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	this.helpers.assertBinaryData(itemIndex, field);
	return await this.helpers.getBinaryDataBuffer(itemIndex, field);
}
